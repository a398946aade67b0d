import Foundation
import Synchronization
import Testing
import StrataCore
import _StrataTestSupport
@testable import StrataSecrets

/// `KeywordLeadAnalyzer` says yes only when every match begins with a keyword, and the engine's
/// later start for those rules' pre-checks changes no finding.
@Suite struct KeywordLeadTests {
    @Test(arguments: [
        ("(?i)(?:password|passwd|\\bpwd)[\\w.-]{0,20}=(\\w+)", ["password", "passwd", "pwd"], true),
        ("(?i)(?:password|passwd|\\bpwd)[\\w.-]{0,20}=(\\w+)", ["password", "pwd"], false),
        ("\\b((?:AKIA|ASIA)[A-Z2-7]{16})\\b", ["akia", "asia"], true),
        ("(?i)api[_.-]?key=(\\w+)", ["api_key", "api.key", "api-key", "apikey"], true),
        ("(?i)api[_.-]?key=(\\w+)", ["api_key", "apikey"], false),
        ("(?i)<add\\s+key=[\"'](?:ClearText)?Password[\"']", ["password"], false),
        ("(?i)<add\\s+key=", ["<add"], true),
        ("x?token\\w+", ["token"], false),
        ("(?:token)?abc", ["token"], false),
        ("\\d{4}token", ["token"], false),
        ("[0-9]token", ["0token", "1token"], false),
        ("sk-[a-z]{10}", ["sk-"], true),
        ("sk-", ["sk-ant"], false),
        ("(?:ab|a)bc", ["abc"], false),
        ("(?:a|b)*token", ["token"], false),
        ("t+oken", ["token"], false),
        ("(?:to){1,3}ken", ["to"], true),
        ("$token", ["token"], false),
        ("token\\w+", ["to", "token"], true),
        ("(?:a?)*token", ["token"], false),
        // A loop that can match nothing runs the search out of budget: a safe no.
        ("(?:(?:)*)*token", ["token"], false),
        ("(?<![a-z])TOKEN_[A-Z]{8}", ["token_"], true),
        ("\\w+", ["token"], false),
        ("[^x]oken", ["token"], false),
        ("(?i)hf_[a-z]{34}", [], false),
        // Case pairs are one step each (taken apart, 2^36 paths would run out of budget).
        ("(?i)abcdefghijklmnopqrstuvwxyz0123456789", ["abcdefghijklmnopqrstuvwxyz0123456789"], true),
    ] as [(String, [String], Bool)])
    func decides(pattern: String, keywords: [String], expected: Bool) throws {
        let node = try #require(RegexSubsetParser.parse(pattern))
        #expect(KeywordLeadAnalyzer.leads(node, keywords: keywords) == expected, "\(pattern) \(keywords)")
    }

    /// User patterns that would need a deep or wide search (thousands of optional characters
    /// before the keyword, or 200 optional alternations) end with a no within the search's budget,
    /// on a small thread stack.
    @Test(arguments: [String(repeating: "a?", count: 5000) + "token", String(repeating: "(?:x|token)?", count: 200) + "token"])
    func hostilePatternEndsWithinBudgetOnASmallStack(_ pattern: String) throws {
        let node = try #require(RegexSubsetParser.parse(pattern))
        let done = Mutex<Bool?>(nil)
        let thread = Thread { done.withLock { $0 = KeywordLeadAnalyzer.leads(node, keywords: ["token"]) } }
        thread.stackSize = 512 << 10
        thread.start()
        let deadline = Date().addingTimeInterval(30)
        while done.withLock({ $0 }) == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(done.withLock { $0 } == false)
    }

    /// Most built-in rules qualify (a silent regression to no would cost speed), and on every
    /// true example of those that do, each ICU match starts with one of the rule's keywords.
    @Test func builtinKeywordLedRulesMatchOnlyAtKeywords() {
        let rules = TestData.ruleSet.rules
        let led = rules.filter(\.keywordLed)
        #expect(led.count * 2 >= rules.count, "\(led.count) of \(rules.count)")
        for id in ["generic-password", "generic-secret", "generic-token", "generic-api-key", "generic-credential", "nuget-config-password"] {
            #expect(rules.first { $0.spec.id == id }?.keywordLed == true, "\(id)")
        }
        var matches = 0
        for rule in led {
            for example in rule.spec.truePositives {
                let utf16 = Array(example.utf16)
                for groups in rule.regex.matches(in: example) {
                    matches += 1
                    let start = String(decoding: utf16[groups[0].location...], as: UTF16.self).lowercased()
                    #expect(rule.spec.keywords.contains { start.hasPrefix($0.lowercased()) }, "\(rule.spec.id): \(example)")
                }
            }
        }
        #expect(matches >= led.count)
    }

    /// The analyzer's no on `generic-api-key` and `generic-credential` showed spellings their
    /// regexes accept but no keyword named (so they were never found); they are keywords now.
    @Test(arguments: ["auth-key", "auth.key", "access.key", "private.key"])
    func spellingsOnceMissingAreFound(_ name: String) {
        let text = "\(name) = \"Qm7xT2pV9kR4wZ8nB3cF6hJ1sL5dG0aY\"\n"
        #expect(TestData.ids(text).contains { $0 == "generic-api-key" || $0 == "generic-credential" }, "\(name)")
    }

    /// The case the window's lead offset exists for: a rule whose keywords overlap, where a
    /// shorter keyword inside a longer one is reported first (hits come by end offset).
    @Test func overlappingKeywordsStillMatch() throws {
        let yaml = """
            rules:
              - id: nested-keyword
                title: nested
                regex: '(?:abcdef|cd)([0-9]{6})'
                keywords: [abcdef, cd]
            """
        let set = try RuleSet.load(config: try RuleFileParser.parse(yaml, path: "cfg.yaml"), configPath: "cfg.yaml")
        let rule = try #require(set.rules.first { $0.spec.id == "nested-keyword" })
        #expect(rule.keywordLed)
        // One match per line, so a check that started at the first hit (`cd` inside `abcdef`)
        // would reject the first line's window.
        let text = Array("    value = xxabcdef739104\n    other = cd582013\n".utf8)
        let on = SecretEngine(ruleSet: set).scan(text, path: "a.txt").matches.filter { $0.ruleID == "nested-keyword" }
        let off = SecretEngine(ruleSet: set, usesPrechecks: false).scan(text, path: "a.txt").matches.filter { $0.ruleID == "nested-keyword" }
        #expect(on.map(\.secret) == ["739104", "582013"])
        #expect(on == off)
    }

    /// Minified single lines longer than the window cap, dense with keywords and with every true
    /// example planted: windows then overlap (merging them would pass the cap), and findings must
    /// be the same with and without the pre-checks.
    @Test func longLinesGiveTheSameFindings() {
        var rng = SplitMix(seed: 31)
        let words = ["password", "token", "secret", "api_key", "path", "var x=1;", "pwd", "=", "\"", ";", " "]
        var parts: [String] = []
        for rule in TestData.ruleSet.rules { parts += rule.spec.truePositives.filter { !$0.contains("\n") } }
        var line = ""
        var k = 0
        while line.utf8.count < 400_000 {
            line += words[Int(rng.next() % UInt64(words.count))]
            if rng.next() % 40 == 0 { line += " " + parts[k % parts.count] + " "; k += 1 }
        }
        let bytes = Array(line.utf8)
        let on = TestData.engine.scan(bytes, path: "bundle.min.js").matches
        let off = SecretEngine(ruleSet: TestData.ruleSet, usesPrechecks: false).scan(bytes, path: "bundle.min.js").matches
        #expect(on.count > 100)
        #expect(on == off)
    }
}
