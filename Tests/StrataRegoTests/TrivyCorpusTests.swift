import Foundation
import Testing
import StrataRego
import StrataRegoAST
import _StrataTestSupport

/// Trivy's checks and their unit tests, all modules in one engine, like upstream's `opa test`.
@Suite("trivy-checks corpus")
struct TrivyCorpusTests {
    static let root = RepoPaths.shared("corpora/rego/trivy-checks")

    @Test("unit tests pass as under OPA")
    func unitTests() throws {
        let expected = try RegoEngine.parseJSON(String(contentsOf: Self.root.appendingPathComponent("EXPECTED.json"), encoding: .utf8))
        guard case .object(let want) = expected else { return }
        var modules: [(name: String, source: String)] = []
        for dir in ["lib", "checks", "examples"] {
            let base = Self.root.appendingPathComponent(dir)
            let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".rego") }.sorted() ?? []
            for f in files {
                modules.append((name: dir + "/" + f, source: try String(contentsOf: base.appendingPathComponent(f), encoding: .utf8)))
            }
        }
        var options = RegoEngine.Options()
        options.builtins = .trivy
        let engine = try RegoEngine(modules: modules, options: options)
        let results = RegoTestRunner.run(engine)
        var passed = 0
        var failures: [String] = []
        var seen = Set<String>()
        for r in results {
            seen.insert(String(r.name.dropFirst(5)))
            guard want[.string(String(r.name.dropFirst(5)))] != nil else { continue }
            if r.outcome == .pass { passed += 1 } else { failures.append("\(r.name): \(r.outcome)") }
        }
        for case .string(let name) in want.keys where !seen.contains(name) { failures.append("data.\(name): not reported") }
        if ProcessInfo.processInfo.environment["STRATA_CONFORMANCE_FAILURES"] != nil {
            try failures.joined(separator: "\n").write(toFile: "/tmp/strata-trivy-failures.txt", atomically: true, encoding: .utf8)
        }
        print("trivy-checks tests — \(passed) passing / \(failures.count) not passing (or not reported) of \(want.count) expected to pass")
        #expect(passed >= Self.ratchet)
    }

    static let ratchet = 1908
}
