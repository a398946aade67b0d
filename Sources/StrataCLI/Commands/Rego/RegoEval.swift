import ArgumentParser
import Foundation
import StrataCore
import StrataRego
import StrataRegoAST

/// `strata rego eval QUERY`: OPA's `opa eval`, with its main flags and its JSON output shape.
struct RegoEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Evaluate a Rego query (like opa eval).",
        discussion: """
            Examples:
              strata rego eval -d policy.rego -i input.json 'data.k8s.deny'
              strata rego eval -d policies/ --format raw 'data.app.allow'
              strata rego eval --fail-defined -d checks/ -i pod.yaml 'data.checks.deny[x]'

            --format json prints exactly what `opa eval --format json` prints:
            {"result":[{"expressions":[{"value":…,"text":…,"location":{"row":1,"col":1}}],"bindings":{…}}]},
            {} when the query is undefined, {"errors":[…]} on errors (exit 2).
            """)

    @Argument(help: "The query, e.g. data.p.allow")
    var query: String

    @Option(name: [.customShort("d"), .long], help: "Policy or data file or directory (repeatable).")
    var data: [String] = []

    @Option(name: [.customShort("i"), .long], help: "Input document: JSON or YAML file, or - for stdin.")
    var input: String?

    @Option(name: [.customShort("f"), .long], help: "json, values, raw or pretty.")
    var format = "json"

    @Flag(help: "Exit 1 when the result is undefined.")
    var fail = false

    @Flag(name: .customLong("fail-defined"), help: "Exit 1 when the result is defined.")
    var failDefined = false

    @OptionGroup var compile: RegoCompileFlags

    @Flag(name: .customLong("allow-net"), help: "Let http.send and net.lookup_ip_addr use the network (off: they raise an error).")
    var allowNet = false

    @Option(help: "Print a trace: notes (trace() calls), fails (failed expressions) or full. On stdout with --format pretty, else on stderr.")
    var explain: RegoObservation.Explain?

    @Flag(help: "Print the expressions that took most time (on stderr).")
    var profile = false

    @Flag(help: "Print line coverage as JSON (on stderr), as opa's --coverage.")
    var coverage = false

    @Flag(help: "Report timers (parse, compile, evaluation) with the result.")
    var metrics = false

    func run() throws {
        guard RegoOutput.formats.contains(format) else {
            throw CLIError.usage("unknown format '\(format)'", hint: "--format takes \(RegoOutput.formats.joined(separator: ", "))")
        }
        let clock = ContinuousClock()
        let t0 = clock.now
        let sources = try RegoSources.load(data)
        let inputValue = try RegoSources.input(input)
        let t1 = clock.now
        let output: EvalOutput
        let observation = RegoObservation(explain: explain, profile: profile, coverage: coverage)
        var compiled: RegoEngine?
        var timers: [(String, Duration)] = [("timer_rego_load_files_ns", t1 - t0)]
        do throws(RegoError) {
            var engine = try RegoEngine(
                modules: sources.modules,
                options: compile.options(allowNet: allowNet))
            if let observation { engine = observation.attach(to: engine) }
            compiled = engine
            try engine.policy.checkDataConflicts(sources.data)
            let t2 = clock.now
            timers.append(("timer_rego_query_compile_ns", t2 - t1))
            output = try engine.evaluate(query: query, data: sources.data, input: inputValue)
            timers.append(("timer_rego_query_eval_ns", clock.now - t2))
        } catch {
            print(ResultRenderer.json([error]))
            throw CLIError.quietFailure(code: ExitCode.usage)
        }
        for line in output.printed { Stderr.line(line) }
        if let observation {
            let trace = observation.explanation(sources: sources.modules + [(name: "", source: query)])
            if !trace.isEmpty { format == "pretty" ? print(trace) : Stderr.line(trace) }
            if profile { Stderr.line(observation.profileTable()) }
            if coverage, let compiled { Stderr.line(observation.coverage(compiled)) }
        }
        print(RegoOutput.render(output, format: format, metrics: metrics ? timers : nil))
        if fail && output.results.isEmpty { throw CLIError.quietFailure(code: ExitCode.findings) }
        if failDefined && !output.results.isEmpty { throw CLIError.quietFailure(code: ExitCode.findings) }
    }
}
