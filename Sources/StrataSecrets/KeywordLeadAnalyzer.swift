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
/// accept non-ASCII characters that no keyword holds. A search that runs out of its budget
/// answers no, which only forgoes the skip.
enum KeywordLeadAnalyzer {
    /// Paths the search may queue before it gives up, and the longest queue of nodes a path may
    /// carry: a bounded amount of work and memory for any user pattern (the built-in rules stay far
    /// below both). The search is a loop over a work list, so no pattern can make it recurse deeply.
    static let budget = 1024
    static let maxPending = 256
    /// The largest class taken as literal characters.
    static let maxClassSize = 4

    static func leads(_ node: RegexNode, keywords: [String]) -> Bool {
        let trie = Trie(keywords)
        guard trie.hasKeyword else { return false }
        return completes([node], trie: trie)
    }

    /// Whether every way of matching the nodes (the next node last in each path's list) from the
    /// trie's root completes a keyword before the path runs out of nodes.
    private static func completes(_ start: [RegexNode], trie: Trie) -> Bool {
        var work: [(pending: [RegexNode], at: Int)] = [(start, 0)]
        var queued = 1
        func queue(_ pending: [RegexNode], _ t: Int) -> Bool {
            queued += 1
            guard queued <= budget, pending.count <= maxPending else { return false }
            work.append((pending, t))
            return true
        }
        while let (pending, t) = work.popLast() {
            if trie.terminal[t] { continue }
            guard let next = pending.last else { return false }  // the match may end here
            var rest = pending
            rest.removeLast()
            switch next {
            case .empty:
                guard queue(rest, t) else { return false }
            case .lineEnd:
                return false
            case .sequence(let items):
                guard queue(rest + items.reversed(), t) else { return false }
            case .alternation(let branches):
                for branch in branches { guard queue(rest + [branch], t) else { return false } }
            case .repeated(let inner, let minimum, let maximum):
                if maximum == 0 {
                    guard queue(rest, t) else { return false }
                    continue
                }
                let again = RegexNode.repeated(inner, min: max(0, minimum - 1), max: maximum.map { $0 - 1 })
                if minimum == 0 { guard queue(rest, t) else { return false } }
                guard queue(rest + [again, inner], t) else { return false }
            case .set(let member):
                let bytes = (0..<256).filter { member[$0] }
                guard !bytes.isEmpty, bytes.count <= maxClassSize, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                // Case pairs are one step: the trie (like the prefilter) holds folded bytes.
                for b in Set(bytes.map { KeywordMatcher.fold(UInt8($0)) }) {
                    guard let child = trie.child(t, b), queue(rest, child) else { return false }
                }
            }
        }
        return true
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
