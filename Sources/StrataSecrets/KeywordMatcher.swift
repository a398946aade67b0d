/// Aho–Corasick over bytes, ASCII case-insensitive, compiled to a full DFA (256 transitions per
/// state) so that a scan is one table load per input byte whatever the number of keywords.
public struct KeywordMatcher: Sendable {
    /// transitions[state * 256 + byte]
    private let transitions: [Int32]
    /// Keyword indices that end at each state (own and through failure links).
    private let outputs: [[Int32]]
    public let keywords: [String]

    public init(keywords: [String]) {
        self.keywords = keywords
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var outs: [[Int32]] = [[]]
        for (index, word) in keywords.enumerated() where !word.isEmpty {
            var state = 0
            for byte in word.utf8 {
                let b = Int(KeywordMatcher.fold(byte))
                if goto[state][b] < 0 {
                    goto[state][b] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: 256))
                    outs.append([])
                }
                state = Int(goto[state][b])
            }
            outs[state].append(Int32(index))
        }
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for b in 0..<256 {
            if goto[0][b] < 0 { goto[0][b] = 0 } else { queue.append(Int(goto[0][b])) }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            for b in 0..<256 {
                let t = goto[s][b]
                if t < 0 {
                    goto[s][b] = goto[Int(fail[s])][b]
                } else {
                    let f = goto[Int(fail[s])][b]
                    fail[Int(t)] = f
                    outs[Int(t)] += outs[Int(f)]
                    queue.append(Int(t))
                }
            }
        }
        transitions = goto.flatMap { $0 }
        outputs = outs
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// Calls `hit(keywordIndex, endOffset)` for every occurrence; `endOffset` is one past the last byte.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ hit: (Int, Int) -> Void) {
        transitions.withUnsafeBufferPointer { table in
            outputs.withUnsafeBufferPointer { outs in
                var state = 0
                for i in 0..<bytes.count {
                    state = Int(table[state &* 256 &+ Int(KeywordMatcher.fold(bytes[i]))])
                    let o = outs[state]
                    if !o.isEmpty { for k in o { hit(Int(k), i + 1) } }
                }
            }
        }
    }

    public func scan(_ bytes: [UInt8], _ hit: (Int, Int) -> Void) {
        bytes.withUnsafeBufferPointer { scan($0, hit) }
    }
}
