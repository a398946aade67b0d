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
        for test in testRules(engine.policy) {
            if let filter, !filter(test.name) { continue }
            results.append(runOne(engine, test, data: data))
        }
        return results
    }

    struct TestRule {
        var path: [String]
        var name: String
        var rule: CompiledRule
        /// Set when several rules share the path: each runs alone (`test_x`, `test_x#01`, …).
        var isolated: Bool
    }

    static func testRules(_ policy: CompiledPolicy) -> [TestRule] {
        var seen = Set<[String]>()
        var out: [TestRule] = []
        for module in policy.modules {
            for rule in module.rules where !rule.isDefault && rule.kind != .function {
                let name = rule.name
                guard name.hasPrefix("test_") || name.hasPrefix("todo_"), isTestHead(rule.ref) else { continue }
                let path = module.package + [name]
                guard seen.insert(path).inserted else { continue }
                let defined = policy.rules(at: path).filter { !$0.rule.isDefault }
                for (i, compiled) in defined.enumerated() {
                    let suffix = i == 0 ? "" : "#" + (i < 10 ? "0\(i)" : "\(i)")
                    out.append(TestRule(path: path, name: "data." + path.joined(separator: ".") + suffix, rule: compiled,
                                        isolated: defined.count > 1))
                }
            }
        }
        return out
    }

    /// `test_x`, or a parametrized `test_x[name]` (one variable key): the test passes when it has cases.
    static func isTestHead(_ ref: [Term]) -> Bool {
        ref.count == 1 || (ref.count == 2 && ref[1].variableName != nil)
    }

    private static func runOne(_ base: RegoEngine, _ test: TestRule, data: Value) -> RegoTestResult {
        let path = test.path, rule = test.rule, name = test.name
        var engine = base
        if test.isolated {
            var policy = base.policy
            policy.tree.replaceRules(at: path[...], with: [rule])
            engine = RegoEngine(policy: policy, options: base.options)
        }
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
            result.outcome = value == nil || value == .false || value == .set([]) || value == .object([:]) ? .fail : .pass
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
