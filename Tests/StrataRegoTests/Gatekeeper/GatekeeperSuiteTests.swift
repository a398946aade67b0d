import Foundation
import Testing
import StrataRego
import StrataRegoAST
import _StrataTestSupport

/// Every case of every gator `suite.yaml` in the gatekeeper-library corpus: the assertions must hold (as
/// `gator verify` checks them) and the violation messages must equal the ones OPA produced (EXPECTED_SUITES.json).
@Suite("Gatekeeper library suites (gator verify)")
struct GatekeeperSuiteTests {
    static let root = RepoPaths.shared("corpora/rego/gatekeeper-library")
    /// A ratchet: cases whose assertions hold and whose messages equal OPA's. It may only go up (270 = all).
    static let ratchet = 270

    @Test("suite cases give OPA's violations")
    func suites() throws {
        let expected = try RegoEngine.parseJSON(String(contentsOf: Self.root.appendingPathComponent("EXPECTED_SUITES.json"), encoding: .utf8))
        guard case .object(let want) = expected else { Issue.record("EXPECTED_SUITES.json is not an object"); return }
        let suiteFiles = (FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("library").path)?
            .compactMap { $0 as? String } ?? []).filter { $0.hasSuffix("suite.yaml") }.sorted()
        #expect(suiteFiles.count == 49)
        var agree = 0, failures: [String] = [], total = 0
        for file in suiteFiles {
            let suite = try GatekeeperSuite.load(Self.root.appendingPathComponent("library").appendingPathComponent(file), corpusRoot: Self.root)
            for test in suite.tests {
                let sources: [(name: String, source: String)]
                let engine: RegoEngine
                let constraint: Value
                do {
                    sources = GatekeeperReview.sources(template: try suite.load(test.template))
                    // Gatekeeper parses templates as Rego v0 and turns builtin errors into undefined (non-strict).
                    engine = try RegoEngine(modules: sources, options: .init(v0Compatible: true))
                    constraint = try suite.load(test.constraint)
                } catch {
                    total += test.cases.count
                    failures.append("\(suite.relativeDirectory)::\(test.name): \(error)")
                    continue
                }
                guard let package = sources.first.flatMap({ GatekeeperReview.packageName($0.source) }) else {
                    failures.append("\(suite.relativeDirectory)::\(test.name): no package")
                    continue
                }
                for c in test.cases {
                    total += 1
                    do {
                        let object = try suite.load(c.object)
                        let inventory = try c.inventory.map { try suite.load($0) }
                        let got = try GatekeeperReview.violations(engine: engine, package: package, constraint: constraint,
                                                                  object: object, inventory: inventory)
                        let failed = c.assertions.enumerated().filter { !$0.element.holds(for: got) }.map(\.offset)
                        let opa: [String]? = {
                            guard case .array(let a)? = want[.string(c.key)] else { return nil }
                            return a.compactMap(\.stringValue).sorted()
                        }()
                        if !failed.isEmpty {
                            failures.append("\(c.key): assertions \(failed) fail; violations \(got)")
                        } else if opa != got {
                            failures.append("\(c.key): violations \(got), OPA \(opa.map { "\($0)" } ?? "no expectation")")
                        } else {
                            agree += 1
                        }
                    } catch {
                        failures.append("\(c.key): \(error)")
                    }
                }
            }
        }
        print("Gatekeeper suites — \(agree) of \(total) cases agree with gator and OPA")
        if !failures.isEmpty { print(failures.prefix(40).joined(separator: "\n")) }
        #expect(total == want.count)
        #expect(agree >= Self.ratchet, "\(failures.count) cases disagree")
    }

    /// The harness itself: a suite whose assertion cannot hold must be reported as failing.
    @Test("assertions are checked, not assumed", arguments: [
        (GatekeeperSuite.Assertion(count: nil, message: nil), [String](), false),
        (GatekeeperSuite.Assertion(count: nil, message: nil), ["x"], true),
        (GatekeeperSuite.Assertion(count: 0, message: nil), ["x"], false),
        (GatekeeperSuite.Assertion(count: 1, message: "init"), ["initContainer a", "container b"], true),
        (GatekeeperSuite.Assertion(count: 2, message: "^container"), ["initContainer a", "container b"], false),
    ])
    func assertion(_ a: GatekeeperSuite.Assertion, _ messages: [String], _ holds: Bool) {
        #expect(a.holds(for: messages) == holds)
    }

    @Test("match filters by kind and namespace", arguments: [
        ("v1", "Pod", "default", true),
        ("apps/v1", "Deployment", "default", false),
        ("v1", "Pod", "kube-system", false),
    ])
    func match(_ apiVersion: String, _ kind: String, _ namespace: String, _ matched: Bool) throws {
        let constraint = try #require(try YAMLConversion.parse("""
            spec:
              match:
                kinds: [{apiGroups: [""], kinds: ["Pod"]}]
                excludedNamespaces: ["kube-*"]
            """))
        let object: Value = .object([.string("apiVersion"): .string(apiVersion), .string("kind"): .string(kind),
                                     .string("metadata"): .object([.string("name"): .string("p"), .string("namespace"): .string(namespace)])])
        #expect(GatekeeperReview.matches(constraint: constraint, request: GatekeeperReview.request(for: object)) == matched)
    }
}
