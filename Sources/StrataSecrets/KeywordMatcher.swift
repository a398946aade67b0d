/// Aho–Corasick over bytes, ASCII case-insensitive, compiled to a dense DFA over byte classes so
/// that a scan is two table loads per input byte whatever the number of keywords. Bytes that occur
/// in no keyword share one class, which keeps the table small enough for the L2 cache; case folding
/// is folded into the class map. A transition into a state that ends a keyword is stored negated,
/// so the common case (no hit) costs one sign test.
public struct KeywordMatcher: Sendable {
    /// Byte → class index (upper-case letters map like lower-case ones).
    private let classOf: [UInt8]
    private let classCount: Int
    /// transitions[state * classCount + class] = next * classCount, or ~(next * classCount) when
    /// `next` ends at least one keyword.
    private let transitions: [Int32]
    /// Keyword indices ending at state s (own and through failure links): outputList[outputStart[s]..<outputStart[s + 1]].
    private let outputStart: [Int32]
    private let outputList: [Int32]
    public let keywords: [String]
    /// Length in bytes of the longest keyword.
    private let maxLength: Int

    public init(keywords: [String]) {
        self.keywords = keywords
        maxLength = keywords.map(\.utf8.count).max() ?? 0
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for word in keywords {
            for byte in word.utf8 where classes[Int(KeywordMatcher.fold(byte))] == 0 {
                classes[Int(KeywordMatcher.fold(byte))] = UInt8(count)
                count += 1
            }
        }
        if count > 256 { count = 256 }  // cannot happen: at most 230 distinct folded bytes
        for b in 0x41...0x5A { classes[b] = classes[b | 0x20] }
        classOf = classes
        classCount = count
        let c = count
        var goto: [[Int32]] = [[Int32](repeating: -1, count: c)]
        var outs: [[Int32]] = [[]]
        for (index, word) in keywords.enumerated() where !word.isEmpty {
            var state = 0
            for byte in word.utf8 {
                let k = Int(classes[Int(byte)])
                if goto[state][k] < 0 {
                    goto[state][k] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: c))
                    outs.append([])
                }
                state = Int(goto[state][k])
            }
            outs[state].append(Int32(index))
        }
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for k in 0..<c {
            if goto[0][k] < 0 { goto[0][k] = 0 } else { queue.append(Int(goto[0][k])) }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            for k in 0..<c {
                let t = goto[s][k]
                if t < 0 {
                    goto[s][k] = goto[Int(fail[s])][k]
                } else {
                    let f = goto[Int(fail[s])][k]
                    fail[Int(t)] = f
                    outs[Int(t)] += outs[Int(f)]
                    queue.append(Int(t))
                }
            }
        }
        transitions = goto.flatMap { row in
            row.map { next in outs[Int(next)].isEmpty ? next * Int32(c) : ~(next * Int32(c)) }
        }
        var start: [Int32] = [0]
        for o in outs { start.append(start.last! + Int32(o.count)) }
        outputStart = start
        outputList = outs.flatMap { $0 }
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// Bytes each of the two interleaved automaton runs covers per step of `scan`.
    static let half = 16 << 10

    /// Calls `hit(keywordIndex, endOffset)` for every occurrence in increasing `endOffset` order;
    /// `endOffset` is one past the last byte.
    ///
    /// A DFA scan is bound by the latency of one table load per byte (each load needs the previous
    /// state). Two independent runs over the two halves of each 32 KB block overlap those latencies.
    /// Each run starts from the root `maxLength - 1` bytes before its half and reports only hits that
    /// end inside it, so no occurrence is missed or reported twice; the second half's hits wait in
    /// a buffer of at most one half's worth so that hits come out in order.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ hit: (Int, Int) -> Void) {
        let c = classCount, n = bytes.count, warm = max(0, maxLength - 1)
        var pending: [Int] = []  // (keyword << 32 | end) of the second run
        transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { cls in
                outputStart.withUnsafeBufferPointer { starts in
                    outputList.withUnsafeBufferPointer { list in
                        var block = 0
                        while block < n {
                            let mid = block + min(KeywordMatcher.half, (n - block + 1) / 2), end = min(n, mid + KeywordMatcher.half)
                            var a = max(0, block - warm), b = max(0, mid - warm)
                            var sa = 0, sb = 0
                            pending.removeAll(keepingCapacity: true)
                            while a < mid, b < end {
                                let ta = Int(table[sa &+ Int(cls[Int(bytes[a])])])
                                let tb = Int(table[sb &+ Int(cls[Int(bytes[b])])])
                                a &+= 1
                                b &+= 1
                                sa = ta >= 0 ? ta : ~ta
                                sb = tb >= 0 ? tb : ~tb
                                if ta < 0, a > block {
                                    let s = sa / c
                                    for j in Int(starts[s])..<Int(starts[s + 1]) { hit(Int(list[j]), a) }
                                }
                                if tb < 0, b > mid {
                                    let s = sb / c
                                    for j in Int(starts[s])..<Int(starts[s + 1]) { pending.append(Int(list[j]) << 32 | b) }
                                }
                            }
                            while a < mid {
                                let ta = Int(table[sa &+ Int(cls[Int(bytes[a])])])
                                a &+= 1
                                sa = ta >= 0 ? ta : ~ta
                                if ta < 0, a > block {
                                    let s = sa / c
                                    for j in Int(starts[s])..<Int(starts[s + 1]) { hit(Int(list[j]), a) }
                                }
                            }
                            for h in pending { hit(h >> 32, h & 0xFFFF_FFFF) }
                            while b < end {
                                let tb = Int(table[sb &+ Int(cls[Int(bytes[b])])])
                                b &+= 1
                                sb = tb >= 0 ? tb : ~tb
                                if tb < 0, b > mid {
                                    let s = sb / c
                                    for j in Int(starts[s])..<Int(starts[s + 1]) { hit(Int(list[j]), b) }
                                }
                            }
                            block = end
                        }
                    }
                }
            }
        }
    }

    public func scan(_ bytes: [UInt8], _ hit: (Int, Int) -> Void) {
        bytes.withUnsafeBufferPointer { scan($0, hit) }
    }
}
