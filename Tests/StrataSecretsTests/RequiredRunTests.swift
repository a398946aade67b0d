import _StrataTestSupport
import Foundation
import Testing
@testable import StrataSecrets

/// The regex pre-check: which run the analyzer derives from a pattern, that the windowed check
/// agrees with a naive scan, and that it never hides a match (every built-in rule's true examples
/// and every regex match on them contain the run).
@Suite struct RequiredRunTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let length: Int?
        let members: String
        let others: String
        var testDescription: String { pattern }
    }

    static let cases: [Case] = [
        Case(pattern: #"\b(ghp_[A-Za-z0-9]{36})\b"#, length: 36, members: "aZ09", others: "_-. "),
        Case(pattern: #"(?i)(?:token)[\w.-]{0,20}["']?\s*(?::|=)\s*["']?([A-Za-z0-9!#$%^&*+/=._~@-]{20,200})"#, length: 20, members: "aZ!~@-", others: " \"'"),
        Case(pattern: #"(?i)key[a-f0-9]{32}"#, length: 32, members: "aAfF09", others: "gG"),
        Case(pattern: #"[^\s:/@'"]{8,}"#, length: 8, members: "aZ9-", others: " \n:/@'\""),
        Case(pattern: #"(?:[A-Za-z0-9+/=]{16,80}\r?\n){2,400}"#, length: 16, members: "a+/=", others: "\r\n-"),
        Case(pattern: #"AAAA[A-Za-z0-9_-]{7}:[A-Za-z0-9_-]{140}"#, length: 140, members: "_-", others: ":"),
        Case(pattern: #"\d{12}x"#, length: 12, members: "09", others: "a"),
        Case(pattern: #"(a|[0-9]{40})"#, length: nil, members: "", others: ""),
        Case(pattern: #"(?:[0-9]{40})?x"#, length: nil, members: "", others: ""),
        Case(pattern: #"x(?![0-9]{40})"#, length: nil, members: "", others: ""),
        Case(pattern: #"[0-9]{40}|y"#, length: nil, members: "", others: ""),
        Case(pattern: #"[[:alpha:]]{10}"#, length: nil, members: "", others: ""),
        Case(pattern: #"\Qabcdefghij\E[a-z]{10}"#, length: nil, members: "", others: ""),
        Case(pattern: #"(?x) [a-z]{10}"#, length: nil, members: "", others: ""),
        Case(pattern: #"[a-z]{3}"#, length: nil, members: "", others: ""),
    ]

    @Test(arguments: cases)
    func analysis(_ c: Case) throws {
        let run = RegexRunAnalyzer.requiredRun(c.pattern)
        #expect(run?.length == c.length)
        guard let run else { return }
        for b in c.members.utf8 { #expect(run.member[Int(b)] == 1, "\(Character(UnicodeScalar(b))) should be a member") }
        for b in c.others.utf8 { #expect(run.member[Int(b)] == 0, "\(Character(UnicodeScalar(b))) should not be a member") }
        #expect(run.member[0xC3] == 1, "non-ASCII bytes are always members")
    }

    /// The skipping scan against a naive one on seeded random texts over a small alphabet.
    @Test(arguments: 1...6)
    func presentAgreesWithNaiveScan(_ length: Int) {
        var member = [UInt8](repeating: 0, count: 256)
        member[Int(UInt8(ascii: "a"))] = 1
        member[Int(UInt8(ascii: "b"))] = 1
        let run = RequiredRun(member: member, length: length)
        var rng = SplitMix(seed: UInt64(length))
        for _ in 0..<400 {
            let text = (0..<Int(rng.next() % 40)).map { _ in Array("aab-".utf8)[Int(rng.next() % 4)] }
            let lo = text.isEmpty ? 0 : Int(rng.next() % UInt64(text.count + 1))
            let hi = lo + Int(rng.next() % UInt64(text.count - lo + 1))
            var best = 0, cur = 0
            for b in text[lo..<hi] { cur = member[Int(b)] == 1 ? cur + 1 : 0; best = max(best, cur) }
            let got = text.withUnsafeBufferPointer { run.present(in: $0, lo..<hi) }
            #expect(got == (best >= length), "\(String(decoding: text, as: UTF8.self)) [\(lo), \(hi))")
        }
    }

    /// Soundness on real patterns: every regex match of every built-in rule's examples holds the run.
    @Test func everyBuiltinMatchContainsItsRun() throws {
        var checked = 0
        for rule in TestData.ruleSet.rules {
            guard let run = rule.requiredRun else { continue }
            for text in rule.spec.truePositives + rule.spec.falsePositives {
                let bytes = Array(text.utf8)
                for groups in rule.regex.matches(in: text) where bytes.allSatisfy({ $0 < 0x80 }) {
                    let whole = groups[0]
                    let inside = bytes.withUnsafeBufferPointer { run.present(in: $0, whole.location..<(whole.location + whole.length)) }
                    #expect(inside, "\(rule.spec.id): match of \(text.prefix(50)) lacks its run")
                    checked += 1
                }
            }
        }
        #expect(checked > 250)
    }

    /// The pre-check is in use for most rules (a silent regression to nil would cost speed).
    @Test func mostBuiltinRulesHaveARun() {
        let with = TestData.ruleSet.rules.filter { $0.requiredRun != nil }.count
        #expect(with * 10 >= TestData.ruleSet.rules.count * 8, "\(with) of \(TestData.ruleSet.rules.count)")
    }

    /// Findings are the same with and without the pre-check on a mixed generated text.
    @Test func precheckDoesNotChangeFindings() {
        var rng = SplitMix(seed: 7)
        var text = ""
        let words = ["token", "password", "secret", "api_key", "path", "sk", "ghp_", "eyJ", "=", ": ", "\"", " ", "\n"]
        for rule in TestData.ruleSet.rules { text += rule.spec.truePositives.joined(separator: "\n") + "\n" }
        for _ in 0..<20_000 {
            text += words[Int(rng.next() % UInt64(words.count))]
            if rng.next() % 3 == 0 { text += String((0..<Int(rng.next() % 48)).map { _ in Array("abcdefABCDEF0123456789+/_-")[Int(rng.next() % 26)] }) }
        }
        let bytes = Array(text.utf8)
        let on = SecretEngine(ruleSet: TestData.ruleSet).scan(bytes, path: "mixed.txt").matches
        let off = SecretEngine(ruleSet: TestData.ruleSet, usesPrechecks: false).scan(bytes, path: "mixed.txt").matches
        #expect(on.count > 100)
        #expect(on == off)
    }
}

/// The shared deterministic generator, so random tests repeat exactly.
typealias SplitMix = SplitMix64
