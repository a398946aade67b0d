/// Builds a `ShapeAutomaton` from a `RegexNode`: a Thompson NFA, then the subset construction
/// for an unanchored search (the start states are added after every byte) over byte classes.
/// Relaxations keep it small and only ever widen the language: a repetition's minimum above
/// `repeatCap` is lowered to it, a run of one class repeated twice or more loses its upper bound
/// (`[a-z0-9]{16,80}` is `[a-z0-9]{16}[a-z0-9]*`), and any other range with more than
/// `optionalCap` optional copies becomes unbounded (`[\w.-]{0,20}` is `[\w.-]*`). `$` is an assertion on the next symbol (a line
/// terminator or the end of the window), so `(?:["'\s;,]|$)` after a value still rejects a value
/// followed by `(`.
struct ShapeAutomatonBuilder {
    static let repeatCap = 8
    static let optionalCap = 4
    static let maxNFAStates = 1200
    static let maxDFAStates = 512

    private struct TooLarge: Error {}

    /// Symbols 0–255 are bytes, 256 is the end of the window.
    private static let endSymbol = 256
    private static let lineTerminators: [Int] = [0x0A, 0x0B, 0x0C, 0x0D, endSymbol]

    /// NFA: each state has ε edges and at most one edge over a symbol set, which either consumes
    /// the symbol or only looks at it (`$`).
    private var epsilon: [[Int]] = []
    private var edgeSet: [Int] = []
    private var edgeTarget: [Int] = []
    private var edgeConsumes: [Bool] = []
    private var sets: [[Bool]] = []
    /// The states of each run `x{m}x*`, after 1, 2, … m bytes (the last one loops). When several
    /// are active only the furthest is kept: what may follow it is a superset of what may follow
    /// the others, so the language does not shrink, and the DFA holds one position per run
    /// instead of any subset of them (which made runs such as `[A-Z0-9]{16}` explode).
    private var chains: [[Int]] = []

    static func build(_ node: RegexNode) -> ShapeAutomaton? {
        var b = ShapeAutomatonBuilder()
        do {
            let start = try b.newState()
            let accept = try b.build(node, from: start)
            return b.determinize(start: start, accept: accept)
        } catch {
            return nil
        }
    }

    // MARK: NFA

    private mutating func newState() throws(TooLarge) -> Int {
        guard epsilon.count < ShapeAutomatonBuilder.maxNFAStates else { throw TooLarge() }
        epsilon.append([])
        edgeSet.append(-1)
        edgeTarget.append(-1)
        edgeConsumes.append(false)
        return epsilon.count - 1
    }

    /// An edge over `set` from `s` (or from a fresh state ε-reachable from `s` when `s` has one)
    /// to `target` or a fresh state.
    private mutating func edge(from s: Int, _ set: [Bool], consumes: Bool, to target: Int? = nil) throws(TooLarge) -> Int {
        var from = s
        if edgeSet[s] >= 0 {
            from = try newState()
            epsilon[s].append(from)
        }
        let t: Int
        if let target { t = target } else { t = try newState() }
        sets.append(set)
        edgeSet[from] = sets.count - 1
        edgeTarget[from] = t
        edgeConsumes[from] = consumes
        return t
    }

    /// Adds `node` after state `s`; returns the state reached after it.
    private mutating func build(_ node: RegexNode, from s: Int) throws(TooLarge) -> Int {
        switch node {
        case .set(let member):
            return try edge(from: s, member + [false], consumes: true)
        case .lineEnd:
            var set = [Bool](repeating: false, count: ShapeAutomatonBuilder.endSymbol + 1)
            for b in ShapeAutomatonBuilder.lineTerminators { set[b] = true }
            return try edge(from: s, set, consumes: false)
        case .empty:
            return s
        case .sequence(let items):
            var cur = s
            for item in items { cur = try build(item, from: cur) }
            return cur
        case .alternation(let branches):
            let out = try newState()
            for branch in branches { epsilon[try build(branch, from: s)].append(out) }
            return out
        case .repeated(.set(let member), let minimum, _) where minimum >= 2:
            // A run: relaxed to `x{m}x*` and tracked as a chain (see `chains`).
            var chain: [Int] = []
            var cur = s
            for _ in 0..<min(minimum, ShapeAutomatonBuilder.repeatCap) {
                cur = try edge(from: cur, member + [false], consumes: true)
                chain.append(cur)
            }
            _ = try edge(from: cur, member + [false], consumes: true, to: cur)
            chains.append(chain)
            return cur
        case .repeated(let inner, let minimum, let maximum):
            let copies = min(minimum, ShapeAutomatonBuilder.repeatCap)
            var cur = s
            for _ in 0..<copies { cur = try build(inner, from: cur) }
            if let maximum, minimum <= ShapeAutomatonBuilder.repeatCap, maximum - minimum <= ShapeAutomatonBuilder.optionalCap {
                for _ in 0..<(maximum - minimum) {
                    let skip = try newState()
                    epsilon[cur].append(skip)
                    epsilon[try build(inner, from: cur)].append(skip)
                    cur = skip
                }
                return cur
            }
            let loop = try newState()  // fresh, so no other path re-enters the loop
            epsilon[cur].append(loop)
            epsilon[try build(inner, from: loop)].append(loop)
            return loop
        }
    }

    // MARK: DFA

    private typealias Bits = [UInt64]

    private func determinize(start: Int, accept: Int) -> ShapeAutomaton? {
        let n = epsilon.count, words = (n + 63) / 64
        func has(_ b: Bits, _ q: Int) -> Bool { b[q >> 6] & (1 << UInt64(q & 63)) != 0 }
        var closure = [Bits](repeating: Bits(repeating: 0, count: words), count: n)
        for q in 0..<n {
            var reached = Bits(repeating: 0, count: words)
            reached[q >> 6] |= 1 << UInt64(q & 63)
            var stack = [q]
            while let x = stack.popLast() {
                for y in epsilon[x] where !has(reached, y) {
                    reached[y >> 6] |= 1 << UInt64(y & 63)
                    stack.append(y)
                }
            }
            closure[q] = reached
        }
        // Byte classes: ASCII bytes by their membership in every edge set; non-ASCII and the end
        // of the window get classes of their own.
        var classOf = [UInt8](repeating: 0, count: 256)
        var representative: [Int] = []
        var bySignature: [[Bool]: Int] = [:]
        for b in 0..<128 {
            let signature = sets.map { $0[b] }
            if let c = bySignature[signature] { classOf[b] = UInt8(c); continue }
            guard representative.count < 200 else { return nil }
            bySignature[signature] = representative.count
            classOf[b] = UInt8(representative.count)
            representative.append(b)
        }
        let nonASCII = representative.count, endClass = nonASCII + 1, classCount = nonASCII + 2
        for b in 128..<256 { classOf[b] = UInt8(nonASCII) }
        representative += [-1, ShapeAutomatonBuilder.endSymbol]
        var consumers = [[(Int, Int)]](repeating: [], count: classCount)
        var lookers = [[(Int, Int)]](repeating: [], count: classCount)
        for q in 0..<n where edgeSet[q] >= 0 {
            for c in 0..<classCount where c != nonASCII && sets[edgeSet[q]][representative[c]] {
                if edgeConsumes[q] { consumers[c].append((q, edgeTarget[q])) } else { lookers[c].append((q, edgeTarget[q])) }
            }
        }
        let startSet = closure[start]
        if has(startSet, accept) { return nil }  // matches the empty string: no filter
        // State 0 is the accepting sink, 1 the start.
        var states: [Bits] = [Bits(repeating: 0, count: words), startSet]
        var index: [Bits: Int] = [startSet: 1]
        var table = [Int32](repeating: 0, count: 2 * classCount)
        var next = 1
        while next < states.count {
            let s = states[next]
            for c in 0..<classCount where c != nonASCII {
                var cur = s
                var changed = true
                while changed {  // `$` edges whose condition holds before symbol c
                    changed = false
                    for (q, t) in lookers[c] where has(cur, q) && !has(cur, t) {
                        for w in 0..<words { cur[w] |= closure[t][w] }
                        changed = true
                    }
                }
                if has(cur, accept) { continue }  // stays 0: accepting
                if c == endClass {
                    table[next * classCount + c] = Int32(classCount)  // any non-zero value
                    continue
                }
                var to = startSet
                for (q, t) in consumers[c] where has(cur, q) {
                    for w in 0..<words { to[w] |= closure[t][w] }
                }
                if has(to, accept) { continue }
                for chain in chains {
                    guard let furthest = chain.lastIndex(where: { has(to, $0) }) else { continue }
                    for q in chain[..<furthest] { to[q >> 6] &= ~(1 << UInt64(q & 63)) }
                }
                let id: Int
                if let known = index[to] {
                    id = known
                } else {
                    guard states.count < ShapeAutomatonBuilder.maxDFAStates else { return nil }
                    id = states.count
                    index[to] = id
                    states.append(to)
                    table += [Int32](repeating: 0, count: classCount)
                }
                table[next * classCount + c] = Int32(id * classCount)
            }
            next += 1
        }
        return ShapeAutomaton(classOf: classOf, classCount: classCount, endClass: endClass, transitions: table, start: Int32(classCount))
    }
}
