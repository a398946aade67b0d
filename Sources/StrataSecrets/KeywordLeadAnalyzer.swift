/// Decides whether every match of a rule's regex begins with one of the rule's keywords (ASCII
/// case-insensitively, as `KeywordMatcher` finds them): `(?i)(?:password|passwd|\bpwd)…`,
/// `\b((?:AKIA|ASIA)[A-Z2-7]{16})`. For such a rule a match in a window starts at or after the
/// window's first keyword hit, so the pre-checks (`RequiredRun`, `ShapeAutomaton`) may skip the
/// bytes before it; on keyword-dense code that is most of each line.
///
/// The proof walks the pattern's `RegexNode` in step with a trie of the folded keywords: every
/// way of consuming characters must complete a keyword before the match can end, and every
/// character taken on the way must continue a keyword. Only classes of a few ASCII characters
/// (literals, case pairs, `[_.-]`) may be taken, since ICU's escape classes (`\d`, `\s`) also
/// accept non-ASCII characters that no keyword holds. A search that runs out of its step budget
/// answers no, which only forgoes the skip.
enum KeywordLeadAnalyzer {
    /// Steps before the search gives up (each step is one node visit; the built-in rules need
    /// a few hundred at most).
    static let budget = 4096
    /// The largest class taken as literal characters.
    static let maxClassSize = 4

    static func leads(_ node: RegexNode, keywords: [String]) -> Bool {
        let trie = Trie(keywords)
        guard trie.hasKeyword else { return false }
        var search = Search(trie: trie, steps: budget)
        return search.completes([node], at: 0)
    }

    private struct Search {
        let trie: Trie
        var steps: Int

        /// Whether every way of matching `pending` (the next node last) from trie node `t`
        /// completes a keyword.
        mutating func completes(_ pending: [RegexNode], at t: Int) -> Bool {
            steps -= 1
            if steps < 0 { return false }
            if trie.terminal[t] { return true }
            guard let next = pending.last else { return false }  // the match may end here
            var rest = pending
            rest.removeLast()
            switch next {
            case .empty:
                return completes(rest, at: t)
            case .lineEnd:
                return false
            case .sequence(let items):
                return completes(rest + items.reversed(), at: t)
            case .alternation(let branches):
                for branch in branches where !completes(rest + [branch], at: t) { return false }
                return true
            case .repeated(let inner, let minimum, let maximum):
                if maximum == 0 { return completes(rest, at: t) }
                let again = RegexNode.repeated(inner, min: max(0, minimum - 1), max: maximum.map { $0 - 1 })
                if minimum == 0, !completes(rest, at: t) { return false }
                return completes(rest + [again, inner], at: t)
            case .set(let member):
                let bytes = (0..<256).filter { member[$0] }
                guard !bytes.isEmpty, bytes.count <= KeywordLeadAnalyzer.maxClassSize, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                // Case pairs are one step: the trie (like the prefilter) holds folded bytes.
                for b in Set(bytes.map { KeywordMatcher.fold(UInt8($0)) }) {
                    guard let child = trie.child(t, b), completes(rest, at: child) else { return false }
                }
                return true
            }
        }
    }

    /// The keywords' bytes, folded to lower case, as a trie.
    private struct Trie {
        private var children: [[UInt8: Int]] = [[:]]
        private(set) var terminal: [Bool] = [false]
        private(set) var hasKeyword = false

        init(_ keywords: [String]) {
            for word in keywords where !word.isEmpty {
                var t = 0
                for byte in word.utf8 {
                    let b = KeywordMatcher.fold(byte)
                    if let next = children[t][b] {
                        t = next
                    } else {
                        children.append([:])
                        terminal.append(false)
                        children[t][b] = children.count - 1
                        t = children.count - 1
                    }
                }
                terminal[t] = true
                hasKeyword = true
            }
        }

        func child(_ t: Int, _ b: UInt8) -> Int? { children[t][b] }
    }
}
