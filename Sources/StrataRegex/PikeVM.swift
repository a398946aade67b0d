/// Thompson/Pike simulation of a `Program` over UTF-8: every thread advances in lock step, so the time is
/// linear in the text (times the program size) whatever the pattern. Thread order is priority order, which
/// gives Go's leftmost-first submatches.
struct PikeVM {
    private let prog: Program
    private let slots: Int
    private var clist: ThreadList
    private var nlist: ThreadList
    private var stack: [(pc: Int32, slot: Int32, value: Int)] = []
    private var scratch: [Int]

    /// `slots`: 0 to answer only whether there is a match, 2 for its bounds, `prog.slotCount` for every group.
    init(_ prog: Program, slots: Int) {
        self.prog = prog
        self.slots = slots
        clist = ThreadList(size: prog.insts.count, slots: slots)
        nlist = ThreadList(size: prog.insts.count, slots: slots)
        scratch = [Int](repeating: -1, count: slots)
    }

    /// The first match at or after `from` (Go's leftmost-first), as slot positions (byte offsets, -1 unset).
    mutating func run(_ text: UnsafeBufferPointer<UInt8>, from: Int) -> [Int]? {
        let end = text.count
        if prog.anchoredStart {
            guard from == 0 else { return nil }
            if let table = prog.anchoredFirstBytes, end == 0 || !table[Int(text[0])] { return nil }
        }
        var matched: [Int]? = nil
        var pos = from
        clist.clear()
        nlist.clear()
        var (r, w) = UTF8Decode.at(text, pos)
        var prev = UTF8Decode.before(text, pos)
        while true {
            if matched == nil, !prog.anchoredStart || pos == 0 {
                if clist.isEmpty, let table = prog.firstBytes {
                    while pos < end, !table[Int(text[pos])] { pos += 1 }
                    if pos >= end { break }
                    (r, w) = UTF8Decode.at(text, pos)
                    prev = UTF8Decode.before(text, pos)
                }
                for k in 0..<slots { scratch[k] = -1 }
                Self.add(&clist, &stack, &scratch, prog, slots, prog.start, pos, prev: prev, next: r, atEnd: pos == end)
            }
            // No thread alive: done once a match is in hand or no later start is allowed.
            if clist.isEmpty, matched != nil || prog.anchoredStart { break }
            let nextPos = pos + w
            let (r2, w2) = nextPos <= end ? UTF8Decode.at(text, nextPos) : (-1, 0)
            var k = 0
            while k < clist.count {
                let pc = clist.dense[k]
                let inst = prog.insts[Int(pc)]
                var consumes = false
                switch inst.op {
                case .match:
                    if slots == 0 { return [] }
                    matched = Array(clist.caps[(k * slots)..<((k + 1) * slots)])
                    k = clist.count
                    continue
                case .rune: consumes = r == inst.arg
                case .charClass: consumes = r >= 0 && prog.classes[Int(inst.arg)].contains(UInt32(r))
                case .any: consumes = r >= 0
                case .anyNotNewline: consumes = r >= 0 && r != 0x0A
                default: break
                }
                if consumes {
                    for s in 0..<slots { scratch[s] = clist.caps[k * slots + s] }
                    Self.add(&nlist, &stack, &scratch, prog, slots, inst.out, nextPos, prev: r, next: r2, atEnd: nextPos == end)
                }
                k += 1
            }
            swap(&clist, &nlist)
            nlist.clear()
            if pos >= end { break }
            pos = nextPos
            prev = r
            (r, w) = (r2, w2)
        }
        return matched
    }

    /// Follows empty transitions from `pc` at `pos`, adding each consuming instruction (and `match`) once,
    /// in priority order. Capture writes are undone on the way back (the stack holds the old values).
    private static func add(_ list: inout ThreadList, _ stack: inout [(pc: Int32, slot: Int32, value: Int)], _ scratch: inout [Int],
                            _ prog: Program, _ slots: Int, _ pc0: Int32, _ pos: Int, prev: Int32, next: Int32, atEnd: Bool) {
        stack.append((pc0, -1, 0))
        while let (pc, slot, value) = stack.popLast() {
            if slot >= 0 {
                scratch[Int(slot)] = value
                continue
            }
            guard list.insert(pc) else { continue }
            let inst = prog.insts[Int(pc)]
            switch inst.op {
            case .nop:
                list.pop()
                stack.append((inst.out, -1, 0))
            case .split:
                list.pop()
                stack.append((inst.arg, -1, 0))
                stack.append((inst.out, -1, 0))
            case .save:
                list.pop()
                if Int(inst.arg) < slots {
                    stack.append((-1, inst.arg, scratch[Int(inst.arg)]))
                    scratch[Int(inst.arg)] = pos
                }
                stack.append((inst.out, -1, 0))
            case .assert:
                list.pop()
                if Assertions.holds(RegexAssertion(rawValue: UInt8(inst.arg))!, pos: pos, prev: prev, next: next, atEnd: atEnd) {
                    stack.append((inst.out, -1, 0))
                }
            default:
                list.setCaps(scratch)
            }
        }
    }
}

/// A sparse set of program counters in insertion order, with each thread's capture slots.
struct ThreadList {
    /// Marks visited pcs for this step, including empty-transition ones that hold no thread.
    private var visited: [Int32]
    private(set) var dense: [Int32] = []
    private(set) var caps: [Int] = []
    private let slots: Int
    private var generation: Int32 = 1

    init(size: Int, slots: Int) {
        visited = [Int32](repeating: 0, count: size)
        self.slots = slots
        dense.reserveCapacity(size)
    }

    var count: Int { dense.count }
    var isEmpty: Bool { dense.isEmpty }

    mutating func clear() {
        dense.removeAll(keepingCapacity: true)
        caps.removeAll(keepingCapacity: true)
        generation &+= 1
        if generation == Int32.max {
            for i in visited.indices { visited[i] = 0 }
            generation = 1
        }
    }

    /// Marks `pc` visited; false when it already was this step. Adds it as a thread until `pop()`.
    mutating func insert(_ pc: Int32) -> Bool {
        if visited[Int(pc)] == generation { return false }
        visited[Int(pc)] = generation
        dense.append(pc)
        return true
    }

    /// The last inserted pc holds no thread (an empty transition).
    mutating func pop() { dense.removeLast() }

    mutating func setCaps(_ scratch: [Int]) {
        caps.append(contentsOf: scratch)
    }
}
