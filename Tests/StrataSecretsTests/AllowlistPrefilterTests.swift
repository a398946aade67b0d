import Foundation
import Testing
@testable import StrataSecrets

/// Allowlist patterns ask ICU only when their `ShapeAutomaton` prefilter accepts: the prefilter
/// must never reject a string ICU matches, and it must reject most real secrets.
@Suite struct AllowlistPrefilterTests {
    static var patterns: [CompiledRegex] {
        let rs = TestData.ruleSet
        return rs.allowRegexes + rs.rules.flatMap(\.allowRegexes)
    }

    /// The global patterns and the generic rules' (the rules whose candidates are most frequent) have a
    /// prefilter; the database-URL rules share one pattern the subset parser does not take.
    @Test func builtinAllowlistPatternsHavePrefilters() {
        let rs = TestData.ruleSet
        for regex in rs.allowRegexes + rs.rules.filter({ $0.spec.id.hasPrefix("generic-") }).flatMap(\.allowRegexes) {
            #expect(regex.prefilter != nil, "\(regex.pattern)")
        }
        #expect(Self.patterns.filter { $0.prefilter != nil }.count >= 23)
        // Rule regexes are prefiltered per window by the engine, not here.
        #expect(TestData.ruleSet.rules.allSatisfy { $0.regex.prefilter == nil })
    }

    /// Candidate secrets: every group of every rule's examples under ICU, placeholders the allowlists
    /// exist for, and seeded mutations of all of them (case changes, inserted and dropped bytes).
    @Test func soundAndSelective() throws {
        var candidates: [String] = ["${API_TOKEN}", "{{ .Values.password }}", "<your-token>", "$PASSWORD", "%(password)s",
                                    "%DB_PASS%", "xxxxxxxxxxxx", "****", "...", "000000000000000", "EXAMPLEKEY123456",
                                    "your_api_key_here", "changeme", "/etc/secret/key.pem", "./local.env", "~/creds",
                                    "config.YAML", "550e8400-e29b-41d4-a716-446655440000", "snake_case_name",
                                    "CONSTANT_NAME", "CamelCaseName", "Ex\u{E4}mple-\u{2603}"]
        for rule in TestData.ruleSet.rules {
            for example in rule.spec.truePositives + rule.spec.falsePositives {
                for m in rule.regex.matches(in: example) {
                    let ns = example as NSString
                    for r in m where r.location != NSNotFound && r.length > 0 { candidates.append(ns.substring(with: r)) }
                }
            }
        }
        var rng = SplitMix(seed: 29)
        let pool = Array("aZ09_-.:=$/{}<>%*x.~\u{E9}".unicodeScalars)
        for base in candidates {
            for _ in 0..<4 {
                var s = Array(base.unicodeScalars)
                let at = s.isEmpty ? 0 : Int(rng.next() % UInt64(s.count))
                switch rng.next() % 4 {
                case 0 where !s.isEmpty: s.remove(at: at)
                case 1: s.insert(pool[Int(rng.next() % UInt64(pool.count))], at: at)
                case 2: s = Array(String(String.UnicodeScalarView(s)).uppercased().unicodeScalars)
                default: s = Array(s.prefix(at))
                }
                candidates.append(String(String.UnicodeScalarView(s)))
            }
        }
        var checked = 0, allowed = 0, skippedICU = 0
        for text in candidates {
            for regex in Self.patterns {
                let icu = regex.icuFirstMatch(in: text)
                let got = regex.firstMatch(in: text)
                #expect(got == icu, "\(regex.pattern) on \(text.debugDescription)")
                if icu { allowed += 1 }
                var t = text
                if let shape = regex.prefilter, !t.withUTF8({ shape.mayMatch(in: $0, 0..<$0.count) }) { skippedICU += 1 }
                checked += 1
            }
        }
        #expect(checked > 20_000)
        #expect(allowed > 500, "the candidates include placeholders each pattern allows")
        #expect(skippedICU * 2 > checked, "\(skippedICU) of \(checked) checks skipped ICU")
    }
}
