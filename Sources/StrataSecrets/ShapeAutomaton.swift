/// A byte-level DFA for a superset of a rule's regex, run over a window before ICU: a window it
/// rejects cannot hold a match, so the regex (with its UTF-16 copy of the window) is skipped.
/// Where the `RequiredRun` only asks for the longest run, this checks the whole shape, e.g. for
/// `generic-password` the keyword, then an assignment operator, then a quoted value of 8 or more
/// value bytes followed by a terminator, which ordinary code such as
/// `self_password = path.token(name, 123)` does not have.
///
/// Sound by construction (`ShapeAutomatonBuilder`): the automaton accepts a superset of the
/// pattern's matches on ASCII text (`RegexNode`), and any byte ≥ 0x80 leads straight to the
/// accepting state, so a window with non-ASCII text always goes to ICU. Runs in one table load
/// per byte; the accepting state is absorbing, so a window is left at the first possible match.
struct ShapeAutomaton: Sendable {
    /// Byte → class; every byte ≥ 0x80 is a class whose transitions all go to the accepting state.
    let classOf: [UInt8]
    let classCount: Int
    /// The class of the end of the window (only `$` reads it).
    let endClass: Int
    /// transitions[state + class] is the next state, states premultiplied by `classCount`; state 0
    /// is the accepting sink.
    let transitions: [Int32]
    let start: Int32

    var stateCount: Int { transitions.count / classCount }

    /// The automaton for `pattern`, or nil when the pattern is outside the parsed subset, matches
    /// the empty string, or its automaton would be too large.
    init?(pattern: String) {
        guard let node = RegexSubsetParser.parse(pattern) else { return nil }
        self.init(node)
    }

    init?(_ node: RegexNode) {
        guard let built = ShapeAutomatonBuilder.build(node) else { return nil }
        self = built
    }

    init(classOf: [UInt8], classCount: Int, endClass: Int, transitions: [Int32], start: Int32) {
        self.classOf = classOf
        self.classCount = classCount
        self.endClass = endClass
        self.transitions = transitions
        self.start = start
    }

    /// Whether `p[window]` may hold a match of the regex (false: it certainly does not).
    func mayMatch(in p: UnsafeBufferPointer<UInt8>, _ window: Range<Int>) -> Bool {
        finish(p, state: Int(start), window)
    }

    /// `mayMatch` on two windows (of one rule or two) in one loop, so that the two runs' table
    /// loads, each waiting on the previous state, overlap; the same answers as two calls.
    static func mayMatch(_ x: ShapeAutomaton, _ wx: Range<Int>, _ y: ShapeAutomaton, _ wy: Range<Int>,
                         in p: UnsafeBufferPointer<UInt8>) -> (Bool, Bool) {
        var sx = Int(x.start), sy = Int(y.start)
        var i = wx.lowerBound, j = wy.lowerBound
        let stop = i + min(wx.count, wy.count)
        x.transitions.withUnsafeBufferPointer { tx in
            x.classOf.withUnsafeBufferPointer { cx in
                y.transitions.withUnsafeBufferPointer { ty in
                    y.classOf.withUnsafeBufferPointer { cy in
                        while i < stop {
                            sx = Int(tx[sx &+ Int(cx[Int(p[i])])])
                            sy = Int(ty[sy &+ Int(cy[Int(p[j])])])
                            i &+= 1
                            j &+= 1
                            if sx == 0 || sy == 0 { break }
                        }
                    }
                }
            }
        }
        return (x.finish(p, state: sx, i..<wx.upperBound), y.finish(p, state: sy, j..<wy.upperBound))
    }

    /// Runs on from state `s` over `rest`, the remainder of a window.
    private func finish(_ p: UnsafeBufferPointer<UInt8>, state s: Int, _ rest: Range<Int>) -> Bool {
        transitions.withUnsafeBufferPointer { t in
            classOf.withUnsafeBufferPointer { c in
                var s = s
                if s == 0 { return true }
                for i in rest {
                    s = Int(t[s &+ Int(c[Int(p[i])])])
                    if s == 0 { return true }
                }
                return t[s &+ endClass] == 0
            }
        }
    }
}
