import _StrataTestSupport
import Foundation
import Testing
@testable import StrataSecrets

/// The shape pre-check: it may only reject text the rule's regex cannot match. Each table case
/// states what the automaton answers and is checked against ICU; the seeded tests mutate every
/// built-in rule's examples and require that whatever ICU matches, the automaton lets through.
@Suite struct ShapeAutomatonTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// A pattern, or `rule:ID` for a built-in rule's regex.
        let pattern: String
        let text: String
        let mayMatch: Bool
        var testDescription: String { "\(pattern) on \(text.debugDescription)" }
    }

    static func regex(_ pattern: String) throws -> (String, CompiledRegex) {
        guard pattern.hasPrefix("rule:") else { return (pattern, try CompiledRegex(pattern)) }
        let id = String(pattern.dropFirst(5))
        let rule = try #require(TestData.ruleSet.rules.first { $0.spec.id == id })
        return (rule.spec.regex, rule.regex)
    }

    static let cases: [Case] = [
        // The generic rules on the generated benchmark tree's ordinary lines and on assignments.
        Case(pattern: "rule:generic-password", text: "    self_password = path.token(name, 123)  # key id", mayMatch: false),
        Case(pattern: "rule:generic-password", text: "password = get_password(user)", mayMatch: false),
        Case(pattern: "rule:generic-password", text: "  const passwordToken = await secret.key('user/path', { id: 12 });", mayMatch: false),
        Case(pattern: "rule:generic-password", text: "PASSWORD_TOKEN=secret", mayMatch: false),
        Case(pattern: "rule:generic-password", text: "db_password = \"correct-horse\"", mayMatch: true),
        Case(pattern: "rule:generic-password", text: "password: abcdefgh", mayMatch: true),
        Case(pattern: "rule:generic-password", text: "password => 'abcdefgh';", mayMatch: true),
        Case(pattern: "rule:generic-token", text: "\ttoken, err := client.Token(ctx, handler)", mayMatch: false),
        Case(pattern: "rule:generic-token", text: "  token_secret: val-42", mayMatch: false),
        Case(pattern: "rule:generic-token", text: "auth_token = 'abcdefghijklmnopqrstu'", mayMatch: true),
        Case(pattern: "rule:generic-secret", text: "    secret_key = self.secret(request, 7)", mayMatch: false),
        Case(pattern: "rule:generic-secret", text: "SECRET_KEY=abcdefghijklmnop", mayMatch: true),
        // `$` looks at the next byte without consuming it.
        Case(pattern: #"ab$"#, text: "ab", mayMatch: true),
        Case(pattern: #"ab$"#, text: "abc", mayMatch: false),
        Case(pattern: #"ab$"#, text: "xab\n", mayMatch: true),
        Case(pattern: #"(?m)a$\nb"#, text: "a\nb", mayMatch: true),
        Case(pattern: #"v=[a-z]{3}(?:[;\s]|$)"#, text: "v=abc(", mayMatch: false),
        Case(pattern: #"v=[a-z]{3}(?:[;\s]|$)"#, text: "v=abc", mayMatch: true),
        // Case folding, repetition, alternation.
        Case(pattern: #"(?i)abc"#, text: "xABCx", mayMatch: true),
        Case(pattern: #"(?i)abc"#, text: "abd", mayMatch: false),
        Case(pattern: #"x{3}"#, text: "xx", mayMatch: false),
        Case(pattern: #"x{3}"#, text: "axxxa", mayMatch: true),
        Case(pattern: #"(?:foo|bar)baz"#, text: "barbaz", mayMatch: true),
        Case(pattern: #"(?:foo|bar)baz"#, text: "foobar", mayMatch: false),
        Case(pattern: #"k[0-9a-f]{40}"#, text: "k" + String(repeating: "a", count: 39), mayMatch: true),  // runs relaxed to 8
        Case(pattern: #"k[0-9a-f]{40}"#, text: "k" + String(repeating: "a", count: 7), mayMatch: false),
        Case(pattern: #"[A-Z0-9]{4}AKIA[A-Z0-9]{16}"#, text: "AKIAAKIAAKIA0123456789ABCDEF", mayMatch: true),
        // Relaxations: assertions and lookarounds are ignored, so these pass although ICU finds nothing.
        Case(pattern: #"a(?=b)c"#, text: "ac", mayMatch: true),
        Case(pattern: #"\bkey[0-9]{4}\b"#, text: "key12345", mayMatch: true),
        Case(pattern: #"password\s*=\s*"[^"\s]{8,}""#, text: #"password = "ab cdefghij""#, mayMatch: false),
        // Non-ASCII text always goes to ICU; white space is counted on both sides when unsure.
        Case(pattern: #"(?i)token=[a-z]{8}"#, text: "tokén=abcdefgh", mayMatch: true),
        Case(pattern: #"(?i)token=[a-z]{8}"#, text: "token=abc", mayMatch: false),
        Case(pattern: #"a\sb"#, text: "a\u{0B}b", mayMatch: true),
        Case(pattern: #"[^\s]{3}"#, text: "\u{0B}\u{0B}\u{0B}", mayMatch: true),
        Case(pattern: #"a\Sb"#, text: "a\u{1F}b", mayMatch: true),
    ]

    @Test(arguments: cases)
    func table(_ c: Case) throws {
        let (pattern, regex) = try ShapeAutomatonTests.regex(c.pattern)
        let shape = try #require(ShapeAutomaton(pattern: pattern))
        let bytes = Array(c.text.utf8)
        let may = bytes.withUnsafeBufferPointer { shape.mayMatch(in: $0, 0..<bytes.count) }
        #expect(may == c.mayMatch)
        if !regex.matches(in: c.text).isEmpty { #expect(may, "ICU matches, the automaton must let it through") }
    }

    @Test(arguments: [#"a*"#, #"(?:x|)"#, #"\p{L}{8}"#, #"(a)\1"#, #"[[:alpha:]]{8}"#, #"(?x) a b"#, #"\x41{8}"#, #"[a-z&&[^q]]{8}"#])
    func noAutomaton(_ pattern: String) {
        #expect(ShapeAutomaton(pattern: pattern) == nil)
    }

    /// Windows inside a larger buffer: only the window's bytes count, and the end of the window is
    /// the end of the input for `$`.
    @Test func windowBounds() throws {
        let shape = try #require(ShapeAutomaton(pattern: #"ab$"#))
        let bytes = Array("xxabyy".utf8)
        #expect(bytes.withUnsafeBufferPointer { shape.mayMatch(in: $0, 2..<4) })
        #expect(!bytes.withUnsafeBufferPointer { shape.mayMatch(in: $0, 2..<5) })
        #expect(!bytes.withUnsafeBufferPointer { shape.mayMatch(in: $0, 0..<3) })
    }

    /// Every built-in rule: its examples and seeded mutations of them; whatever ICU matches, the
    /// automaton accepts. Also shows that the check rejects something.
    @Test func soundOnMutatedExamples() throws {
        var rng = SplitMix(seed: 11)
        let pool = Array("aZ09_-.:=\"'` ;,\t/+(){}$@#!%&*~xyzXYZ\n".utf8)
        var checked = 0, rejected = 0
        for rule in TestData.ruleSet.rules {
            guard let shape = rule.shape else { continue }
            for example in rule.spec.truePositives + rule.spec.falsePositives {
                var texts = [Array(example.utf8)]
                for _ in 0..<12 {
                    var t = Array(example.utf8)
                    for _ in 0..<(1 + Int(rng.next() % 3)) {
                        let at = t.isEmpty ? 0 : Int(rng.next() % UInt64(t.count))
                        switch rng.next() % 4 {
                        case 0 where !t.isEmpty: t.remove(at: at)
                        case 1: t.insert(pool[Int(rng.next() % UInt64(pool.count))], at: at)
                        case 2 where !t.isEmpty: t[at] = pool[Int(rng.next() % UInt64(pool.count))]
                        default: t = Array(t.prefix(at))
                        }
                    }
                    texts.append(t)
                }
                for t in texts where t.allSatisfy({ $0 < 0x80 }) {
                    let text = String(decoding: t, as: UTF8.self)
                    let may = t.withUnsafeBufferPointer { shape.mayMatch(in: $0, 0..<t.count) }
                    if !may { rejected += 1 }
                    if !rule.regex.matches(in: text).isEmpty {
                        #expect(may, "\(rule.spec.id): \(text.debugDescription) matches but was rejected")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 5000)
        #expect(rejected > 1000)
    }

    /// The automaton is in use for almost every rule, always for the generic ones, and stays small.
    @Test func builtinCoverage() {
        var with = 0
        for rule in TestData.ruleSet.rules {
            guard let shape = rule.shape else {
                #expect(!rule.spec.id.hasPrefix("generic-"), "\(rule.spec.id) has no automaton")
                continue
            }
            with += 1
            #expect(shape.stateCount <= ShapeAutomatonBuilder.maxDFAStates)
        }
        #expect(with * 10 >= TestData.ruleSet.rules.count * 9, "\(with) of \(TestData.ruleSet.rules.count)")
    }

    /// Findings are the same with and without the pre-checks on keyword-heavy code shaped like the
    /// benchmark tree, with every rule's true examples planted in it.
    @Test func prechecksDoNotChangeFindingsOnCode() {
        var rng = SplitMix(seed: 5)
        let words = ["self", "value", "token", "password", "secret", "key", "path", "client", "api_key", "credential", "auth"]
        let shapes = ["    %_% = %.%(%, 12)  # % %", "  const %% = await %.%('%/%', { %: 3 });", "  %_%: %-7", "%_%=%", "\t%, err := %.%(ctx, %)"]
        var lines: [String] = []
        for rule in TestData.ruleSet.rules { lines += rule.spec.truePositives }
        for _ in 0..<4000 {
            var line = ""
            for ch in shapes[Int(rng.next() % UInt64(shapes.count))] {
                line += ch == "%" ? words[Int(rng.next() % UInt64(words.count))] : String(ch)
            }
            lines.append(rng.next() % 2 == 0 ? line.uppercased() : line)
        }
        for i in stride(from: lines.count - 1, to: 0, by: -1) { lines.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let on = SecretEngine(ruleSet: TestData.ruleSet).scan(bytes, path: "code.py").matches
        let off = SecretEngine(ruleSet: TestData.ruleSet, usesPrechecks: false).scan(bytes, path: "code.py").matches
        #expect(on.count > 200)
        #expect(on == off)
    }
}
