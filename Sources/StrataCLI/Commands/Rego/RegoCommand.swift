import ArgumentParser
import StrataRego

/// `strata rego eval|test|check|fmt`: the policy engine with OPA's flags and output shapes.
struct RegoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rego", abstract: "The Rego policy engine, compatible with OPA.",
        discussion: "docs/rego.md lists the builtins and the known differences from OPA.",
        subcommands: [RegoEval.self, RegoTest.self, RegoCheck.self, RegoFmt.self])
}

/// Parsing and compiling flags shared by the rego subcommands.
struct RegoCompileFlags: ParsableArguments {
    @Flag(name: .customLong("v0-compatible"), help: "Parse policies with Rego v0 syntax (OPA 0.x).")
    var v0Compatible = false

    @Flag(name: .customLong("strict-builtin-errors"), help: "Treat builtin errors as fatal.")
    var strictBuiltinErrors = false

    @Flag(name: .customLong("trivy-builtins"), help: "Add Trivy's builtins (result.new, isManaged, sh.parse_commands, …) so Trivy checks run unchanged.")
    var trivyBuiltins = false

    /// `http.send` and `net.lookup_ip_addr` off unless asked for (`--allow-net` on eval and test).
    func options(allowNet: Bool) -> RegoEngine.Options {
        var o = options
        o.eval.allowNet = allowNet
        return o
    }

    var options: RegoEngine.Options {
        RegoEngine.Options(v0Compatible: v0Compatible, strictBuiltinErrors: strictBuiltinErrors, builtins: trivyBuiltins ? .trivy : .standard)
    }
}
