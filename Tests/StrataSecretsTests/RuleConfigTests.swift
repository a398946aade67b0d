import Foundation
import Testing
import StrataCore
import _StrataTestSupport
@testable import StrataSecrets

@Suite struct RuleConfigTests {
    static let config = """
        rules:
          - id: acme-internal-token
            title: ACME internal token
            severity: critical
            regex: '\\b(acme_[a-z0-9]{24})\\b'
            keywords: [acme_]
        disable: [github-pat]
        allowlist:
          paths: ['fixtures/**']
          regexes: ['^AKIAZ3MQ']
        """

    func engine(_ yaml: String) throws -> SecretEngine {
        SecretEngine(ruleSet: try RuleSet.load(config: try RuleFileParser.parse(yaml, path: "cfg.yaml"), configPath: "cfg.yaml"))
    }

    @Test func addsDisablesAndAllowlists() throws {
        let e = try engine(Self.config)
        let text = "a = acme_k3j5h7g9f1d3s5a7p9o1i3u5\nb = \(TestData.githubPAT)\nc = \(TestData.awsID)\n"
        #expect(e.scan(Array(text.utf8), path: "src/x").matches.map(\.ruleID) == ["acme-internal-token"])
        #expect(e.scan(Array(text.utf8), path: "fixtures/a/x").skipped == .allowlistedPath)
    }

    @Test(arguments: [
        ("rules: [{id: x, title: t, regex: '(', keywords: [x]}]", "not a valid ICU regular expression"),
        ("rules: [{id: Bad_Id, title: t, regex: 'x', keywords: [x]}]", "kebab-case"),
        ("rules: [{id: x, title: t, regex: 'x', keywords: [x], colour: red}]", "unknown key"),
        ("rules: [{id: x, regex: 'x'}]", "missing 'title'"),
        ("rules: [{id: x, title: t, regex: '(x)', secret-group: 3}]", "secret-group"),
        ("allowlist: {regexes: ['[']}", "allowlist regex '['"),
        ("rules: {id: x}", "expected a list"),
        (": : :\n  - [", "not valid YAML"),
    ])
    func invalidConfigs(_ yaml: String, _ reason: String) {
        #expect {
            _ = try engine(yaml)
        } throws: { error in
            guard let e = error as? StrataError else { return false }
            return e.code == .configInvalid && e.reason.contains(reason)
        }
    }

    @Test func duplicateIDsAreRejected() {
        let yaml = "rules: [{id: x, title: t, regex: 'x', keywords: [x]}, {id: x, title: t, regex: 'y', keywords: [y]}]"
        #expect(throws: StrataError.self) { _ = try RuleSet(try RuleFileParser.parse(yaml, path: "d"), path: "d") }
    }

    @Test func userRuleReplacesBuiltinWithSameID() throws {
        let e = try engine("rules: [{id: github-pat, title: Mine, severity: low, regex: '(ghp_[A-Za-z0-9]{36})', keywords: [ghp_]}]")
        let r = e.scan(Array("t=\(TestData.githubPAT)".utf8), path: "x")
        #expect(r.matches.map(\.ruleID) == ["github-pat"])
        #expect(e.ruleSet.rules.first { $0.spec.id == "github-pat" }?.spec.severity == .low)
    }

    @Test func embeddedRulesMatchTheYAMLFile() throws {
        let url = RepoPaths.root().appendingPathComponent("Sources/StrataSecrets/Resources/rules.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == BuiltinSecretRules.yaml, "run scripts/embed-secret-rules.py")
    }
}
