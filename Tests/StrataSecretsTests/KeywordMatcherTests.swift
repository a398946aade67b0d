import Testing
@testable import StrataSecrets

@Suite struct KeywordMatcherTests {
    @Test(arguments: [
        (["he", "she", "his", "hers"], "ushers", ["she@4", "he@4", "hers@6"]),
        (["akia"], "xAkIa AKIA", ["akia@5", "akia@10"]),
        (["aa"], "aaaa", ["aa@2", "aa@3", "aa@4"]),
        (["abc"], "ab", []),
        (["A3-", "a3"], "xa3-\u{0}A3-é a3", ["A3-@4", "a3@3", "A3-@8", "a3@7", "a3@13"]),
        (["://"], "ftp://x http:/ ://", ["://@6", "://@18"]),
    ])
    func hits(_ words: [String], _ text: String, _ expected: [String]) {
        let m = KeywordMatcher(keywords: words)
        var got: [String] = []
        m.scan(Array(text.utf8)) { k, end in got.append("\(words[k])@\(end)") }
        #expect(got.sorted() == expected.sorted())
    }

    /// The automaton against a naive case-insensitive search with the built-in keywords, on seeded
    /// random text made of keyword pieces, letters of both cases, NULs and non-ASCII bytes.
    @Test func agreesWithNaiveSearchOnBuiltinKeywords() {
        let m = TestData.ruleSet.matcher
        let words = m.keywords.map { Array($0.utf8) }
        var rng = SplitMix(seed: 11)
        var text: [UInt8] = []
        while text.count < 60_000 {
            switch rng.next() % 4 {
            case 0: text += words[Int(rng.next() % UInt64(words.count))].map { rng.next() % 2 == 0 ? KeywordMatcher.upper($0) : $0 }
            case 1: text.append(UInt8(truncatingIfNeeded: rng.next()))
            default: text.append(Array("aksiPTe_-.:/ ".utf8)[Int(rng.next() % 13)])
            }
        }
        var got: [Int] = []
        m.scan(text) { k, end in got.append(end &* 4096 &+ k) }
        var want: [Int] = []
        for end in 1...text.count {
            for (k, w) in words.enumerated() where w.count <= end && KeywordMatcher.fold(w[w.count - 1]) == KeywordMatcher.fold(text[end - 1]) {
                if zip(text[(end - w.count)..<end], w).allSatisfy({ KeywordMatcher.fold($0) == KeywordMatcher.fold($1) }) { want.append(end * 4096 + k) }
            }
        }
        #expect(want.count > 1000)
        #expect(got.sorted() == want.sorted())
    }

    /// Hits in order and none missed or doubled at the edges of the four interleaved runs: lengths
    /// around one block (4 × `segment`) and its quarters, with keywords of 2 to 8 bytes everywhere.
    @Test(arguments: [0, 1, 3, 100, KeywordMatcher.segment - 1, KeywordMatcher.segment + 2,
                      4 * KeywordMatcher.segment, 4 * KeywordMatcher.segment + 5, 9 * KeywordMatcher.segment + 7])
    func hitsInOrderAcrossRuns(_ length: Int) {
        let words = ["sk", "q~", "token", "password", "aaaa"]
        let m = KeywordMatcher(keywords: words)
        var rng = SplitMix(seed: UInt64(length) &+ 3)
        let pieces = words.map { Array($0.utf8) } + [Array("x".utf8), Array("Pass".utf8), Array("a".utf8)]
        var text: [UInt8] = []
        while text.count < length { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        text = Array(text.prefix(length))
        var got: [Int] = []
        m.scan(text) { k, end in got.append(end &* 8 &+ k) }
        var want: [Int] = []
        for end in 0...text.count {
            for (k, w) in words.enumerated() where w.utf8.count <= end {
                if zip(text[(end - w.utf8.count)..<end], w.utf8).allSatisfy({ KeywordMatcher.fold($0) == $1 }) { want.append(end * 8 + k) }
            }
        }
        #expect(got.map { $0 / 8 } == want.map { $0 / 8 })
        #expect(got.sorted() == want)
    }

    @Test(arguments: [("aaaaaaaa", 0.0), ("abcdefgh", 3.0), ("aabb", 1.0)])
    func entropy(_ s: String, _ bits: Double) {
        #expect(abs(Entropy.shannon(Array(s.utf8)) - bits) < 1e-9)
    }
}

extension KeywordMatcher {
    static func upper(_ b: UInt8) -> UInt8 { (b >= 0x61 && b <= 0x7A) ? b ^ 0x20 : b }
}
