import Testing
@testable import StrataSecrets

@Suite struct KeywordMatcherTests {
    @Test(arguments: [
        (["he", "she", "his", "hers"], "ushers", ["she@4", "he@4", "hers@6"]),
        (["akia"], "xAkIa AKIA", ["akia@5", "akia@10"]),
        (["aa"], "aaaa", ["aa@2", "aa@3", "aa@4"]),
        (["abc"], "ab", []),
    ])
    func hits(_ words: [String], _ text: String, _ expected: [String]) {
        let m = KeywordMatcher(keywords: words)
        var got: [String] = []
        m.scan(Array(text.utf8)) { k, end in got.append("\(words[k])@\(end)") }
        #expect(got.sorted() == expected.sorted())
    }

    @Test(arguments: [("aaaaaaaa", 0.0), ("abcdefgh", 3.0), ("aabb", 1.0)])
    func entropy(_ s: String, _ bits: Double) {
        #expect(abs(Entropy.shannon(Array(s.utf8)) - bits) < 1e-9)
    }
}
