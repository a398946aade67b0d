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
        // States renumbered breadth-first: the shallow states, where text spends nearly all its time,
        // then share a few KB of the table (in insertion order they are spread over all of it).
        let order = [0] + queue
        var renumbered = [Int32](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { renumbered[old] = Int32(new) }
        transitions = order.flatMap { old in
            goto[old].map { next in
                let to = renumbered[Int(next)] * Int32(c)
                return outs[Int(next)].isEmpty ? to : ~to
            }
        }
        outs = order.map { outs[$0] }
        var start: [Int32] = [0]
        for o in outs { start.append(start.last! + Int32(o.count)) }
        outputStart = start
        outputList = outs.flatMap { $0 }
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// Bytes each of the four interleaved automaton runs covers per step of `scan`.
    static let segment = 16 << 10

    /// Calls `hit(keywordIndex, endOffset)` for every occurrence in increasing `endOffset` order;
    /// `endOffset` is one past the last byte.
    ///
    /// A DFA scan is bound by the latency of one table load per byte (each load needs the previous
    /// state). Four independent runs over the four quarters of each 64 KB block overlap those
    /// latencies. Each run starts from the root `maxLength - 1` bytes before its quarter and reports
    /// only hits that end inside it, so no occurrence is missed or reported twice. The four-run loop
    /// only records hits (lane, keyword, end) in a buffer, out of line, so that its states stay in
    /// registers (with the hit handling inline they were spilled to the stack, which put a store and
    /// a load into every step's dependency chain); the buffer is replayed lane by lane, so hits still
    /// come out in order.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ hit: (Int, Int) -> Void) {
        let c = classCount, n = bytes.count, warm = max(0, maxLength - 1)
        guard n > 0, let base = bytes.baseAddress else { return }
        var lanes = LaneHits()
        transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { cls in
                outputStart.withUnsafeBufferPointer { starts in
                    outputList.withUnsafeBufferPointer { list in
                        /// Continues one run with state `s` over `from..<to`, reporting hits that end after `after`.
                        @inline(__always) func run(_ s: inout Int, _ from: Int, _ to: Int, after: Int) {
                            var i = from
                            while i < to {
                                let t = Int(table[s &+ Int(cls[Int(bytes[i])])])
                                i &+= 1
                                s = t ^ (t >> 63)
                                if t < 0, i > after {
                                    let q = s / c
                                    for j in Int(starts[q])..<Int(starts[q + 1]) { hit(Int(list[j]), i) }
                                }
                            }
                        }
                        var block = 0
                        while block < n {
                            let len = min(n - block, 4 * KeywordMatcher.segment), quarter = (len + 3) / 4, e = block + len
                            let m1 = block + quarter, m2 = min(e, m1 + quarter), m3 = min(e, m2 + quarter)
                            let a0 = max(0, block - warm), a1 = max(0, m1 - warm), a2 = max(0, m2 - warm), a3 = max(0, m3 - warm)
                            let steps = max(0, min(m1 - a0, m2 - a1, m3 - a2, e - a3))
                            let p0 = base + a0, p1 = base + a1, p2 = base + a2, p3 = base + a3
                            var s0 = 0, s1 = 0, s2 = 0, s3 = 0
                            lanes.removeAll()
                            var j = 0
                            while j < steps {
                                let t0 = Int(table[s0 &+ Int(cls[Int(p0[j])])])
                                let t1 = Int(table[s1 &+ Int(cls[Int(p1[j])])])
                                let t2 = Int(table[s2 &+ Int(cls[Int(p2[j])])])
                                let t3 = Int(table[s3 &+ Int(cls[Int(p3[j])])])
                                j &+= 1
                                s0 = t0 ^ (t0 >> 63)
                                s1 = t1 ^ (t1 >> 63)
                                s2 = t2 ^ (t2 >> 63)
                                s3 = t3 ^ (t3 >> 63)
                                if (t0 | t1 | t2 | t3) < 0 { lanes.record(t0, t1, t2, t3, step: j) }
                            }
                            // Replay: lane k's hit ends at a_k + step and counts when it ends inside its quarter.
                            func replay(_ lane: Int, origin: Int, floor: Int) {
                                for (l, state, step) in lanes.entries where l == lane && origin + step > floor {
                                    let q = state / c
                                    for k in Int(starts[q])..<Int(starts[q + 1]) { hit(Int(list[k]), origin + step) }
                                }
                            }
                            replay(0, origin: a0, floor: block)
                            run(&s0, a0 + steps, m1, after: block)
                            replay(1, origin: a1, floor: m1)
                            run(&s1, a1 + steps, m2, after: m1)
                            replay(2, origin: a2, floor: m2)
                            run(&s2, a2 + steps, m3, after: m2)
                            replay(3, origin: a3, floor: m3)
                            run(&s3, a3 + steps, e, after: m3)
                            block = e
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

/// Hits the four-run loop of `KeywordMatcher.scan` found in one block: (lane, state after the byte,
/// steps taken), appended out of line so that the loop itself stays small.
struct LaneHits {
    private(set) var entries: [(Int, Int, Int)] = []

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    /// `t*` are the raw table entries of the step (negative: a keyword ends there).
    @inline(never)
    mutating func record(_ t0: Int, _ t1: Int, _ t2: Int, _ t3: Int, step: Int) {
        if t0 < 0 { entries.append((0, ~t0, step)) }
        if t1 < 0 { entries.append((1, ~t1, step)) }
        if t2 < 0 { entries.append((2, ~t2, step)) }
        if t3 < 0 { entries.append((3, ~t3, step)) }
    }
}
