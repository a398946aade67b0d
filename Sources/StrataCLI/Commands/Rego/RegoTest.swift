import ArgumentParser
import Foundation
import StrataCore
import StrataRego
import StrataRegex
import StrataRegoAST

/// `strata rego test PATH…`: runs `test_*` rules like `opa test`; exit 2 when any fails.
struct RegoTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run Rego tests (like opa test).",
        discussion: """
            Examples:
              strata rego test policies/
              strata rego test -v --run 'deny' checks/ data.json
            Exit 0 when every test passes, 2 when one fails or errors (as opa test).
            """)

    @Argument(help: "Policy and data files or directories.")
    var paths: [String]

    @Flag(name: [.customShort("v"), .long], help: "List every test, with its output.")
    var verbose = false

    @Option(name: [.customShort("r"), .customLong("run")], help: "Only tests whose name matches this regular expression.")
    var runPattern: String?

    @Option(name: [.customShort("f"), .long], help: "pretty or json.")
    var format = "pretty"

    @OptionGroup var compile: RegoCompileFlags

    @Flag(name: .customLong("allow-net"), help: "Let http.send and net.lookup_ip_addr use the network (off: they raise an error).")
    var allowNet = false

    @Option(help: "With failures, print a trace: notes, fails or full (as opa test --explain).")
    var explain: RegoObservation.Explain?

    @Flag(help: "Print line coverage of the policies as JSON instead of the report (as opa test --coverage).")
    var coverage = false

    func run() throws {
        guard format == "pretty" || format == "json" else { throw CLIError.usage("unknown format '\(format)'", hint: "use pretty or json") }
        var filter: ((String) -> Bool)?
        if let pattern = runPattern {
            // Go's regexp syntax, as opa test --run takes it.
            guard let regex = try? RE2(pattern) else {
                throw CLIError.usage("invalid --run pattern '\(pattern)'", hint: "give a regular expression (RE2 syntax)")
            }
            filter = { name in regex.matches(name) }
        }
        let sources = try RegoSources.load(paths)
        let engine: RegoEngine
        do throws(RegoError) {
            engine = try RegoEngine(modules: sources.modules, options: compile.options(allowNet: allowNet))
        } catch {
            Stderr.line(error.description)
            throw CLIError.quietFailure(code: ExitCode.usage)
        }
        let observation = RegoObservation(explain: explain, profile: false, coverage: coverage)
        let observed = observation?.attach(to: engine) ?? engine
        let results = RegoTestRunner.run(observed, data: sources.data, filter: filter)
        if coverage, let observation {
            print(observation.coverage(observed))
        } else {
            print(format == "json" ? RegoTest.json(results) : RegoTestRunner.report(results, verbose: verbose))
            if let observation, let trace = Optional(observation.explanation(sources: sources.modules)), !trace.isEmpty {
                print(trace)
            }
        }
        if results.contains(where: { $0.outcome == .fail || { if case .error = $0 { true } else { false } }($0.outcome) }) {
            throw CLIError.quietFailure(code: ExitCode.usage)
        }
    }

    static func json(_ results: [RegoTestResult]) -> String {
        let items = results.map { r -> String in
            var fields = ["\"name\":\(Value.quoted(r.name))", "\"file\":\(Value.quoted(r.file))", "\"row\":\(r.location.row)"]
            switch r.outcome {
            case .pass: break
            case .fail: fields.append("\"fail\":true")
            case .skipped: fields.append("\"skip\":true")
            case .error(let e): fields.append("\"error\":{\"code\":\(Value.quoted(e.code.rawValue)),\"message\":\(Value.quoted(e.message))}")
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "[" + items.joined(separator: ",\n") + "]"
    }
}

/// `strata rego check PATH…`: parse and compile, reporting every error with its location.
struct RegoCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Parse and compile Rego (like opa check).",
        discussion: "Example: strata rego check policies/   (exit 2 on an error, printed as file:row:col: code: message)")

    @Argument(help: "Policy files or directories.")
    var paths: [String]

    @OptionGroup var compile: RegoCompileFlags

    func run() throws {
        let sources = try RegoSources.load(paths)
        do throws(RegoError) {
            _ = try RegoEngine(modules: sources.modules, options: compile.options)
        } catch {
            Stderr.line(error.description)
            throw CLIError.quietFailure(code: ExitCode.usage)
        }
    }
}
