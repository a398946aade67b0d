import ArgumentParser
import Foundation
import StrataRego
import StrataRegoAST

/// `strata bench rego`: one query over many inputs (JSON Lines) against policies loaded once, as a policy engine
/// serving admission or scan requests does. scripts/bench-rego.py runs OPA and regopy on the same files in the same
/// run and prints the ratios; the digest lets it check that all engines computed the same thing.
struct BenchRego: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rego", abstract: "Time a Rego query over many inputs (see scripts/bench-rego.py).",
        discussion: "Example: strata bench rego -d policies --inputs inputs.jsonl --query data.bench.deny --runs 3")

    @Option(name: [.customShort("d"), .long], help: "Policy or data file or directory (repeatable).")
    var data: [String] = []

    @Option(help: "JSON Lines file: one input document per line.")
    var inputs: String

    @Option(help: "The query evaluated once per input.")
    var query: String

    @Option(help: "Timed runs over all inputs (the median is reported).")
    var runs = 3

    @OptionGroup var compile: RegoCompileFlags

    func run() throws {
        guard runs > 0 else { throw CLIError.usage("--runs must be positive", hint: nil) }
        let sources = try RegoSources.load(data)
        guard let text = FileManager.default.contents(atPath: inputs) else {
            throw CLIError.usage("\(inputs): cannot read", hint: nil)
        }
        var documents: [Value] = []
        for (n, line) in String(decoding: text, as: UTF8.self).split(separator: "\n").enumerated() where !line.isEmpty {
            do { documents.append(try RegoEngine.parseJSON(String(line))) } catch {
                throw CLIError.usage("\(inputs):\(n + 1): \(error)", hint: nil)
            }
        }
        let t0 = DispatchTime.now()
        let engine = try RegoEngine(modules: sources.modules, options: compile.options)
        let compileSeconds = BenchWalk.seconds(since: t0)
        var times: [Double] = []
        var digest = 0, undefined = 0, errors = 0
        for _ in 0..<runs {
            digest = 0; undefined = 0; errors = 0
            let start = DispatchTime.now()
            for input in documents {
                do {
                    let out = try engine.evaluate(query: query, data: sources.data, input: input)
                    guard let value = out.results.first?.expressions.first?.value else { undefined += 1; continue }
                    digest += BenchRego.size(value)
                } catch {
                    errors += 1
                }
            }
            times.append(BenchWalk.seconds(since: start))
        }
        let median = BenchWalk.median(times)
        let summary: [String: Any] = [
            "engine": "strata", "modules": sources.modules.count, "inputs": documents.count, "runs": runs,
            "compile_seconds": compileSeconds, "eval_seconds_median": median, "eval_seconds": times,
            "per_input_ms": median / Double(max(1, documents.count)) * 1000,
            "digest": digest, "undefined": undefined, "errors": errors,
        ]
        let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    /// Elements of a collection result (1 for a scalar): a cheap cross-engine check of what was computed.
    static func size(_ v: Value) -> Int {
        switch v {
        case .set(let s): return s.count
        case .array(let a): return a.count
        case .object(let o): return o.count
        default: return 1
        }
    }
}
