import Testing
@testable import StrataRegex

/// Expected values are Go's `regexp` answers (checked against OPA v1.20.2's regex builtins, which call it).
@Suite("RE2 syntax and matching")
struct RE2Tests {
    @Test("submatches like Go's FindAllStringSubmatch", arguments: [
        ("a+", "baaac aa", [["aaa"], ["aa"]]),
        ("(a|ab)(c|bcd)(d*)", "abcd", [["abcd", "a", "bcd", ""]]),
        ("(a*)*", "b", [["", ""], ["", ""]]),
        ("(a*)+", "b", [["", ""], ["", ""]]),
        ("(a+|b*)*", "ab", [["ab", "b"]]),
        ("x*", "xaxx", [["x"], ["xx"]]),
        ("(?i)ı", "Iiı", [["ı"]]),
        ("(?P<a>x)(?P<a>y)", "xy", [["xy", "x", "y"]]),
        ("\\p{greek}\\p{Lowercase_Letter}\\p{ l-u }", "αbC", [["αbC"]]),
        ("(?i)straSSe", "STRASSE strasse", [["STRASSE"], ["strasse"]]),
        ("(?i)k", "kKK", [["k"], ["K"], ["K"]]),
        ("a.c", "a\nc abc", [["abc"]]),
        ("(?s)a.c", "a\nc", [["a\nc"]]),
        ("^b", "a\nb", []),
        ("(?m)^b$", "a\nb\nc", [["b"]]),
        ("a$", "a\n", []),
        ("\\bfoo\\b", "foo foobar barfoo foo", [["foo"], ["foo"]]),
        ("(?P<y>\\d{4})-(?<m>\\d\\d)", "2024-05, 1999-12", [["2024-05", "2024", "05"], ["1999-12", "1999", "12"]]),
        ("a{2,3}?", "aaaa", [["aa"], ["aa"]]),
        ("(?U)a+", "aaa", [["a"], ["a"], ["a"]]),
        ("(?U)a+?", "aaa", [["aaa"]]),
        ("[[:alpha:]]+", "ab1cd", [["ab"], ["cd"]]),
        ("[^[:^alpha:]]+", "ab1cd", [["ab"], ["cd"]]),
        ("\\p{Greek}+", "abc αβγ", [["αβγ"]]),
        ("\\pL+", "日本 x", [["日本"], ["x"]]),
        ("[\\p{Lu}]", "aBc", [["B"]]),
        ("\\Qa.b\\E+", "a.bb a.b axb", [["a.bb"], ["a.b"]]),
        ("\\x{65e5}|\\x41", "A日", [["A"], ["日"]]),
        ("\\101\\0", "A\u{0}", [["A\u{0}"]]),
        ("a{,2}", "a{,2}", [["a{,2}"]]),
        ("", "ab", [[""], [""], [""]]),
        ("|a", "a", [[""], [""]]),
        ("a|", "a", [["a"]]),
        ("(a)|(b)", "ab", [["a", "a", ""], ["b", "", "b"]]),
        ("é+", "ééé", [["ééé"]]),
        (".", "日本", [["日"], ["本"]]),
        ("\\w+", "héllo_1", [["h"], ["llo_1"]]),
        ("[a-c-e]+", "a-e-d", [["a-e-"]]),
        ("[]a]+", "]a]", [["]a]"]]),
        ("\\B", "ab", [[""]]),
        ("^*a", "aa", [["a"], ["a"]]),
    ])
    func submatches(pattern: String, text: String, want: [[String]]) throws {
        let re = try RE2(pattern)
        #expect(re.allSubmatches(in: text) == want)
    }

    @Test("errors with Go's wording", arguments: [
        ("(", "missing closing ): `(`"),
        ("a)", "unexpected ): `a)`"),
        ("[a", "missing closing ]: `[a`"),
        ("[z-a]", "invalid character class range: `z-a`"),
        ("a**", "invalid nested repetition operator: `**`"),
        ("*", "missing argument to repetition operator: `*`"),
        ("a{1001}", "invalid repeat count: `{1001}`"),
        ("(a{2}){501}", "invalid repeat count: `{501}`"),
        ("\\8", "invalid escape sequence: `\\8`"),
        ("\\1", "invalid escape sequence: `\\1`"),
        ("a\\", "trailing backslash at end of expression: ``"),
        ("(?z)", "invalid or unsupported Perl syntax: `(?z`"),
        ("(?=a)", "invalid or unsupported Perl syntax: `(?=`"),
        ("(?P<n!>a)", "invalid named capture: `(?P<n!>`"),
        ("\\p{Foo}", "invalid character class range: `\\p{Foo}`"),
        ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
        ("\\p{Old Italic}", "invalid character class range: `\\p{Old Italic}`"),
        ("\\C", "invalid escape sequence: `\\C`"),
        ("\\Z", "invalid escape sequence: `\\Z`"),
        ("x{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
    ])
    func errors(pattern: String, want: String) {
        do {
            _ = try RE2(pattern)
            Issue.record("\(pattern) compiled")
        } catch {
            #expect(error.description == "error parsing regexp: " + want)
        }
    }

    @Test("split and replace like Go", arguments: [
        ("a", "banana", "split", ["b", "n", "n", ""]),
        ("", "abc", "split", ["a", "b", "c"]),
        ("x*", "axbc", "split", ["a", "b", "c"]),
        ("a", "", "split", [""]),
        (",", "a,b,,c", "split", ["a", "b", "", "c"]),
    ])
    func split(pattern: String, text: String, _: String, want: [String]) throws {
        #expect(try RE2(pattern).split(text) == want)
    }

    @Test("replace expands templates like Go's Expand", arguments: [
        ("a(x*)b", "-ab-axxb-", "${1}W", "-W-xxW-"),
        ("a(x*)b", "-ab-axxb-", "$1W", "---"),
        ("a(?P<x>x*)b", "-axb-", "[$x]", "-[x]-"),
        ("a(x*)b", "-axb-", "$$1", "-$1-"),
        ("x*", "abc", "-", "-a-b-c-"),
        ("a|b", "abc", "$", "$$c"),
        ("(\\w+)@(\\w+)", "me@host", "$2 at ${1}", "host at me"),
    ])
    func replace(pattern: String, text: String, template: String, want: String) throws {
        #expect(try RE2(pattern).replaceAll(text, template: template) == want)
    }

    @Test("hostile patterns fail cleanly", arguments: [
        (String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000), "expression nests too deeply"),
        (String(repeating: "a", count: 4_000_000), "expression too large"),
        ("((a{1000}){1000}){1000}", "invalid repeat count"),
        (String(repeating: "[", count: 50_000), "missing closing ]"),
    ])
    func hostile(pattern: String, code: String) {
        do {
            _ = try RE2(pattern)
            Issue.record("compiled a hostile pattern of \(pattern.utf8.count) bytes")
        } catch {
            #expect(error.code.rawValue == code)
        }
    }

    @Test("a pathological pattern stays linear")
    func linear() throws {
        let re = try RE2("(a*)*b")
        let text = String(repeating: "a", count: 20_000)
        #expect(!re.matches(text))
        #expect(try RE2("(x+x+)+y").allMatches(in: String(repeating: "x", count: 5_000)).isEmpty)
    }
}
