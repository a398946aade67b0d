import Foundation
import StrataRegoAST

/// The outcome of one `test_*` rule, as `opa test` reports it.
public struct RegoTestResult: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case pass
        case fail
        case error(RegoError)
        case skipped   // `todo_` rules
    }

    /// `data.pkg.test_name`.
    public var name: String
    public var file: String
    public var location: Location
    public var outcome: Outcome
    public var printed: [String]
}

/// Finds `test_*` rules (and `todo_*` ones, reported skipped) and runs each like `opa test`.
public enum RegoTestRunner {
    public static func run(_ engine: RegoEngine, data: Value = .emptyObject, filter: ((String) -> Bool)? = nil) -> [RegoTestResult] {
        var results: [RegoTestResult] = []
        for (path, rule) in testRules(engine.policy) {
            let name = "data." + path.joined(separator: ".")
            if let filter, !filter(name) { continue }
            results.append(runOne(engine, path: path, rule: rule, name: name, data: data))
        }
        return results
    }

    static func testRules(_ policy: CompiledPolicy) -> [([String], CompiledRule)] {
        var seen = Set<[String]>()
        var out: [([String], CompiledRule)] = []
        for module in policy.modules {
            for rule in module.rules where !rule.isDefault && rule.kind != .function {
                let name = rule.name
                guard name.hasPrefix("test_") || name.hasPrefix("todo_"), rule.ref.count == 1 else { continue }
                let path = module.package + [name]
                guard seen.insert(path).inserted, let compiled = policy.rules(at: path).first else { continue }
                out.append((path, compiled))
            }
        }
        return out
    }

    private static func runOne(_ engine: RegoEngine, path: [String], rule: CompiledRule, name: String, data: Value) -> RegoTestResult {
        let file = engine.policy.modules[rule.moduleIndex].file
        var result = RegoTestResult(name: name, file: file, location: rule.rule.location, outcome: .fail, printed: [])
        if rule.rule.name.hasPrefix("todo_") {
            result.outcome = .skipped
            return result
        }
        let query = "data" + path.map { "[" + Value.quoted($0) + "]" }.joined()
        do {
            let output = try engine.evaluate(query: query, data: data)
            result.printed = output.printed
            let value = output.results.first?.expressions.first?.value
            result.outcome = value == nil || value == .false ? .fail : .pass
        } catch {
            result.outcome = .error(error)
        }
        return result
    }

    /// Text like `opa test` prints (verbose lists every test).
    public static func report(_ results: [RegoTestResult], verbose: Bool = false) -> String {
        var lines: [String] = []
        for r in results {
            switch r.outcome {
            case .pass: if verbose { lines.append("\(r.name): PASS") }
            case .fail: lines.append("\(r.name): FAIL")
            case .skipped: lines.append("\(r.name): SKIPPED")
            case .error(let e): lines.append("\(r.name): ERROR\n  \(e)")
            }
            if verbose || r.outcome != .pass { lines += r.printed.map { "  " + $0 } }
        }
        let total = results.count
        let passed = results.filter { $0.outcome == .pass }.count
        let failed = results.filter { $0.outcome == .fail }.count
        let errored = results.filter { if case .error = $0.outcome { return true } else { return false } }.count
        let skipped = results.filter { $0.outcome == .skipped }.count
        if !lines.isEmpty { lines.append(String(repeating: "-", count: 80)) }
        if passed > 0 { lines.append("PASS: \(passed)/\(total)") }
        if failed > 0 { lines.append("FAIL: \(failed)/\(total)") }
        if errored > 0 { lines.append("ERROR: \(errored)/\(total)") }
        if skipped > 0 { lines.append("SKIPPED: \(skipped)/\(total)") }
        return lines.joined(separator: "\n")
    }
}
