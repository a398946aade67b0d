/// Compiles a `RegexNode` to a `Program` the way Go's `regexp/syntax` does after simplification:
/// counted repeats expand to copies, and a star over a nullable body is `(x+)?` so priorities match Go's.
struct Compiler {
    /// Go's limit: 128 MiB of 40-byte instructions.
    static let maxInstructions = (128 << 20) / 40

    private var p = Program()

    /// A compiled fragment: its entry and the holes still to be patched to whatever follows.
    private struct Frag {
        var start: Int32
        var holes: [Hole]
        var nullable: Bool
    }

    private enum Hole {
        case out(Int32)
        case arg(Int32)
    }

    static func compile(_ node: RegexNode, captureCount: Int, pattern: String) throws(RegexError) -> Program {
        if estimate(node) > maxInstructions { throw RegexError(code: .large, expression: pattern) }
        var c = Compiler()
        c.p.slotCount = 2 * (captureCount + 1)
        let body = c.emit(.capture(index: 0, node))
        let match = c.add(Inst(op: .match))
        c.patch(body.holes, to: match)
        c.p.start = body.start
        c.p.anchoredStart = Self.anchored(node)
        c.p.firstBytes = FirstBytes.table(c.p)
        if c.p.anchoredStart { c.p.anchoredFirstBytes = FirstBytes.table(c.p, passBeginText: true) }
        return c.p
    }

    /// Instruction count, computed without building (so huge expansions are refused cheaply).
    private static func estimate(_ node: RegexNode) -> Int {
        switch node {
        case .empty, .charClass, .anyChar, .assertion: return 1
        case .literal(let s): return max(1, s.count)
        case .capture(_, let n): return estimate(n) + 2
        case .concat(let ns): return ns.reduce(0) { $0 + estimate($1) }
        case .alternate(let ns): return ns.reduce(ns.count) { $0 + estimate($1) }
        case .repeat(let n, let mn, let mx, _):
            let one = estimate(n)
            let copies = max(mn, mx ?? mn + 1, 1)
            return one.multipliedReportingOverflow(by: copies).partialValue + copies + 1
        }
    }

    private static func anchored(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.beginText): true
        case .capture(_, let n): anchored(n)
        case .concat(let ns): ns.first.map(anchored) ?? false
        case .alternate(let ns): !ns.isEmpty && ns.allSatisfy(anchored)
        default: false
        }
    }

    private mutating func add(_ inst: Inst) -> Int32 {
        p.insts.append(inst)
        return Int32(p.insts.count - 1)
    }

    private mutating func patch(_ holes: [Hole], to target: Int32) {
        for h in holes {
            switch h {
            case .out(let i): p.insts[Int(i)].out = target
            case .arg(let i): p.insts[Int(i)].arg = target
            }
        }
    }

    private mutating func single(_ inst: Inst, nullable: Bool = false) -> Frag {
        let i = add(inst)
        return Frag(start: i, holes: [.out(i)], nullable: nullable)
    }

    private mutating func emit(_ node: RegexNode) -> Frag {
        switch node {
        case .empty:
            return single(Inst(op: .nop), nullable: true)
        case .literal(let scalars):
            guard !scalars.isEmpty else { return single(Inst(op: .nop), nullable: true) }
            return sequence(scalars.map { c in { (me: inout Compiler) in me.single(Inst(op: .rune, arg: Int32(bitPattern: c))) } })
        case .charClass(let c):
            if let one = c.singleScalar { return single(Inst(op: .rune, arg: Int32(bitPattern: one))) }
            p.classes.append(c)
            return single(Inst(op: .charClass, arg: Int32(p.classes.count - 1)))
        case .anyChar(let nl):
            return single(Inst(op: nl ? .any : .anyNotNewline))
        case .assertion(let a):
            return single(Inst(op: .assert, arg: Int32(a.rawValue)), nullable: true)
        case .capture(let index, let body):
            let open = add(Inst(op: .save, arg: Int32(2 * index)))
            let inner = emit(body)
            p.insts[Int(open)].out = inner.start
            let close = add(Inst(op: .save, arg: Int32(2 * index + 1)))
            patch(inner.holes, to: close)
            return Frag(start: open, holes: [.out(close)], nullable: inner.nullable)
        case .concat(let nodes):
            return sequence(nodes.map { n in { (me: inout Compiler) in me.emit(n) } })
        case .alternate(let nodes):
            return alternate(nodes[...])
        case .repeat(let body, let mn, let mx, let greedy):
            return repeatFrag(body, mn, mx, greedy)
        }
    }

    private mutating func sequence(_ parts: [(inout Compiler) -> Frag]) -> Frag {
        guard !parts.isEmpty else { return single(Inst(op: .nop), nullable: true) }
        var first = parts[0](&self)
        var holes = first.holes
        var nullable = first.nullable
        for part in parts.dropFirst() {
            let f = part(&self)
            patch(holes, to: f.start)
            holes = f.holes
            nullable = nullable && f.nullable
        }
        first.holes = holes
        first.nullable = nullable
        return first
    }

    private mutating func alternate(_ nodes: ArraySlice<RegexNode>) -> Frag {
        guard nodes.count > 1 else { return emit(nodes.first ?? .empty) }
        let split = add(Inst(op: .split))
        let a = emit(nodes[nodes.startIndex])
        let b = alternate(nodes.dropFirst())
        p.insts[Int(split)].out = a.start
        p.insts[Int(split)].arg = b.start
        return Frag(start: split, holes: a.holes + b.holes, nullable: a.nullable || b.nullable)
    }

    private mutating func quest(_ f: Frag, _ greedy: Bool) -> Frag {
        let split = add(Inst(op: .split))
        if greedy {
            p.insts[Int(split)].out = f.start
            return Frag(start: split, holes: f.holes + [.arg(split)], nullable: true)
        }
        p.insts[Int(split)].arg = f.start
        return Frag(start: split, holes: f.holes + [.out(split)], nullable: true)
    }

    /// The loop back: after `f`, a split returns to `f` or leaves.
    private mutating func loop(_ f: Frag, _ greedy: Bool) -> Frag {
        let split = add(Inst(op: .split))
        patch(f.holes, to: split)
        if greedy {
            p.insts[Int(split)].out = f.start
            return Frag(start: split, holes: [.arg(split)], nullable: f.nullable)
        }
        p.insts[Int(split)].arg = f.start
        return Frag(start: split, holes: [.out(split)], nullable: f.nullable)
    }

    private mutating func plus(_ f: Frag, _ greedy: Bool) -> Frag {
        let l = loop(f, greedy)
        return Frag(start: f.start, holes: l.holes, nullable: f.nullable)
    }

    private mutating func star(_ body: RegexNode, _ greedy: Bool) -> Frag {
        let f = emit(body)
        if f.nullable { return quest(plus(f, greedy), greedy) }
        return loop(f, greedy)
    }

    private mutating func repeatFrag(_ body: RegexNode, _ mn: Int, _ mx: Int?, _ greedy: Bool) -> Frag {
        switch (mn, mx) {
        case (0, nil): return star(body, greedy)
        case (1, nil): return plus(emit(body), greedy)
        case (0, 1): return quest(emit(body), greedy)
        case (0, 0): return single(Inst(op: .nop), nullable: true)
        case (1, 1): return emit(body)
        default: break
        }
        var parts: [(inout Compiler) -> Frag] = []
        if let mx {
            for _ in 0..<mn { parts.append { me in me.emit(body) } }
            if mx > mn { parts.append { me in me.nestedOptional(body, mx - mn, greedy) } }
        } else {
            for _ in 0..<(mn - 1) { parts.append { me in me.emit(body) } }
            parts.append { me in me.plus(me.emit(body), greedy) }
        }
        return sequence(parts)
    }

    /// `(x(x(x)?)?)?` for `count` optional copies.
    private mutating func nestedOptional(_ body: RegexNode, _ count: Int, _ greedy: Bool) -> Frag {
        let x = emit(body)
        if count > 1 {
            let rest = nestedOptional(body, count - 1, greedy)
            patch(x.holes, to: rest.start)
            return quest(Frag(start: x.start, holes: rest.holes, nullable: x.nullable), greedy)
        }
        return quest(x, greedy)
    }
}
