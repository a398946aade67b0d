import Foundation
import Testing
import StrataRego
import StrataRegoAST
import _StrataTestSupport

/// Gatekeeper library template sources and their unit tests (Rego v0), run like `opa test` per folder.
@Suite("Gatekeeper library (v0 Rego)")
struct GatekeeperCorpusTests {
    static let root = RepoPaths.shared("corpora/rego/gatekeeper-library")

    @Test("unit tests match OPA's outcomes")
    func unitTests() throws {
        let expected = try RegoEngine.parseJSON(String(contentsOf: Self.root.appendingPathComponent("EXPECTED_SRC_TESTS.json"), encoding: .utf8))
        guard case .object(let want) = expected else { return }
        var folders: [String: [(name: String, source: String)]] = [:]
        let files = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("src").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".rego") }.sorted() ?? []
        for f in files {
            let folder = "src/" + (f as NSString).deletingLastPathComponent
            let text = try String(contentsOf: Self.root.appendingPathComponent("src").appendingPathComponent(f), encoding: .utf8)
            folders[folder, default: []].append((name: f, source: text))
        }
        var agree = 0, disagree = 0, broken: [String] = []
        for (folder, modules) in folders.sorted(by: { $0.key < $1.key }) {
            do {
                let engine = try RegoEngine(modules: modules, options: .init(v0Compatible: true))
                for r in RegoTestRunner.run(engine) {
                    let key = "\(folder): \(r.name.dropFirst(5))"
                    guard let w = want[.string(key)] else { continue }
                    if (r.outcome == .pass) == (w == .true) { agree += 1 } else { disagree += 1; broken.append("\(key): \(r.outcome)") }
                }
            } catch {
                broken.append("\(folder): \(error)")
            }
        }
        if ProcessInfo.processInfo.environment["STRATA_CONFORMANCE_FAILURES"] != nil {
            try broken.joined(separator: "\n").write(toFile: "/tmp/strata-gatekeeper-failures.txt", atomically: true, encoding: .utf8)
        }
        print("Gatekeeper src tests — \(agree) agree with OPA / \(disagree) disagree / \(want.count - agree - disagree) not run")
        #expect(agree >= Self.ratchet)
    }

    static let ratchet = 1003
}
