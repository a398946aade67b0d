import _StrataTestSupport

/// Seeded random regular expressions, texts and replacement templates for the regex differential test.
/// The alphabet mixes ASCII, newlines, multi-byte scalars and case-folding specials (K U+212A, ſ, ς).
struct RegexCaseGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let letters = ["a", "b", "c", "A", "B", "é", "日", " ", "\n", "-", "_", "1", "9", "K", "ſ", "ς", "Σ", "α", "x", "."]

    mutating func text() -> String {
        (0..<rng.int(0...10)).map { _ in rng.pick(Self.letters) }.joined()
    }

    /// A valid `regex.globs_match` operand: literals, `.`, sets, escapes, each maybe with `*` or `+`.
    mutating func glob() -> String {
        (0..<rng.int(0...4)).map { _ in
            rng.pick(["a", "b", "c", ".", "[ab]", "[a-c]", "[^a]", "\\.", "\\*", "[]", "é", "[bé]"])
                + (rng.chance(40) ? rng.pick(["*", "+"]) : "")
        }.joined()
    }

    mutating func template() -> String {
        rng.pick(["<$1>", "${1}x", "$0", "$$", "[$n]", "$1x", "-", "", "$", "${n}", "$2$1", "\\1"])
    }

    mutating func pattern() -> String {
        // One in eight carries a syntax error somewhere.
        var p = alternation(depth: 0)
        if rng.chance(12) {
            let broken = ["(", ")", "[", "*", "\\8", "a**", "x{2}{3}", "\\p{Foo}", "(?z)", "x{1001}", "[z-a]", "\\", "(?P<>x)",
                          "[[:foo:]]", "\\C", "(?i", "{2}", "+?", "(?-)", "\\x{110000}", "\\Z", "(?<n!>a)"]
            let at = rng.int(0...p.count)
            p.insert(contentsOf: rng.pick(broken), at: p.index(p.startIndex, offsetBy: at))
        }
        return p
    }

    private mutating func alternation(depth: Int) -> String {
        var branches = [concat(depth: depth)]
        while rng.chance(20), branches.count < 3 { branches.append(concat(depth: depth)) }
        return branches.joined(separator: "|")
    }

    private mutating func concat(depth: Int) -> String {
        (0..<rng.int(0...4)).map { _ in repeated(depth: depth) }.joined()
    }

    private mutating func repeated(depth: Int) -> String {
        let a = atom(depth: depth)
        guard rng.chance(35) else { return a }
        let op = rng.pick(["*", "+", "?", "{2}", "{1,3}", "{0,}", "{2,}", "{0,1}", "{0}"])
        return a + op + (rng.chance(25) ? "?" : "")
    }

    private mutating func atom(depth: Int) -> String {
        let roll = rng.int(0...99)
        if depth < 3, roll < 14 {
            let inner = alternation(depth: depth + 1)
            return rng.pick(["(", "(?:", "(?P<n>", "(?i:", "(?s:", "(?m:", "(?U:", "(?i-s:"]) + inner + ")"
        }
        if roll < 20 { return rng.pick(["(?i)", "(?m)", "(?s)", "(?U)"]) }
        if roll < 30 { return rng.pick(["^", "$", "\\b", "\\B", "\\A", "\\z"]) }
        if roll < 42 {
            return rng.pick(["[ab]", "[^a]", "[a-c]", "[^\\n]", "[[:alpha:]]", "[[:^digit:]]", "[\\d_]", "[é-日]", "[-a]", "[a-]",
                             "[]a]", "[^]a]", "[\\p{Greek}x]", "[K]", "[k-l]", "[^[:space:]]"])
        }
        if roll < 52 {
            return rng.pick(["\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\pL", "\\p{Lu}", "\\P{L}", "\\p{Greek}", "\\p{Han}",
                             "\\p{^Ll}", "\\pN", "\\x41", "\\x{65e5}", "\\101", "\\.", "\\Q.b\\E", "\\n", "\\t", "\\-"])
        }
        if roll < 60 { return "." }
        return rng.pick(["a", "b", "c", "A", "é", "日", " ", "\\n", "-", "_", "1", "k", "s", "σ", "x", "{", "}", ","])
    }
}
