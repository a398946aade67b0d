import Testing
import StrataCore
import _StrataTestSupport
import Foundation
@testable import StrataSecrets

/// Every built-in rule fires on each of its true examples and on none of its false ones.
@Suite struct RuleExamplesTests {
    static let file: RuleFile = try! RuleFileParser.parse(BuiltinSecretRules.yaml, path: BuiltinSecretRules.path)
    static let ruleSet: RuleSet = try! RuleSet.load(config: nil)
    static let engine = SecretEngine(ruleSet: ruleSet)

    struct Example: Sendable, CustomTestStringConvertible {
        let ruleID: String
        let text: String
        let positive: Bool
        var testDescription: String { "\(ruleID) \(positive ? "true" : "false"): \(text.prefix(60))" }
    }

    static let examples: [Example] = file.rules.flatMap { r in
        r.truePositives.map { Example(ruleID: r.id, text: $0, positive: true) }
            + r.falsePositives.map { Example(ruleID: r.id, text: $0, positive: false) }
    }

    @Test(arguments: examples)
    func example(_ e: Example) {
        let ids = Self.engine.scan(Array(e.text.utf8), path: "example.txt").matches.map(\.ruleID)
        if e.positive {
            #expect(ids.contains(e.ruleID), "did not fire; fired: \(ids)")
        } else {
            #expect(!ids.contains(e.ruleID))
        }
    }

    @Test func idsAreUniqueAndEveryRuleHasExamples() {
        let ids = Self.file.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in Self.file.rules {
            #expect(!rule.truePositives.isEmpty, "\(rule.id) has no true example")
            #expect(!rule.falsePositives.isEmpty, "\(rule.id) has no false example")
            #expect(!rule.keywords.isEmpty, "\(rule.id) has no keywords")
            for k in rule.keywords {
                #expect(rule.truePositives.allSatisfy { $0.lowercased().contains(k) } || rule.keywords.count > 1,
                        "\(rule.id): keyword \(k) missing from a true example")
            }
        }
    }

    @Test func ruleCount() {
        #expect(Self.file.rules.count >= 150)
    }
}

/// Rule ids are stable: every id ever listed in `Fixtures/rule-ids.txt` still exists, and every
/// built-in rule is listed there (so adding a rule means adding its id).
@Suite struct RuleIDRatchetTests {
    @Test func idsAreNeverRemovedAndAllAreListed() throws {
        let url = RepoPaths.root().appendingPathComponent("Tests/StrataSecretsTests/Fixtures/rule-ids.txt")
        let listed = Set(try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
        let current = Set(RuleExamplesTests.file.rules.map(\.id))
        #expect(listed.subtracting(current).sorted() == [], "rules removed or renamed")
        #expect(current.subtracting(listed).sorted() == [], "new rules missing from Fixtures/rule-ids.txt")
    }
}
