/// One window waiting for its rule's `ShapeAutomaton`. The engine collects them for all rules of
/// a file and runs them two at a time (`ShapeAutomaton.mayMatch(_:_:_:_:in:)`), since a file
/// with keywords of several rules on one line would otherwise wait on one DFA load per byte per
/// rule in turn. A check names its automaton by index into the file's `shapes` list, so that
/// queueing a window copies no automaton (each copy retains and releases arrays that every thread
/// shares, and those reference counts are contended between cores).
struct ShapeCheck {
    let rule: Int
    let window: Range<Int>
    /// Where the automaton starts (`window.lowerBound`, or later for a keyword-led rule).
    let from: Int
    /// Index into the `shapes` given to `run`.
    let shape: Int

    var checked: Range<Int> { from..<window.upperBound }

    /// Appends each window that may match to `out[rule]`, in the order of `checks` (so each rule's
    /// windows stay in order).
    static func run(_ checks: [ShapeCheck], shapes: [ShapeAutomaton], _ p: UnsafeBufferPointer<UInt8>, into out: inout [Int: [Range<Int>]]) {
        var i = 0
        while i < checks.count {
            let a = checks[i]
            if i + 1 < checks.count {
                let b = checks[i + 1]
                let (ka, kb) = ShapeAutomaton.mayMatch(shapes[a.shape], a.checked, shapes[b.shape], b.checked, in: p)
                if ka { out[a.rule, default: []].append(a.window) }
                if kb { out[b.rule, default: []].append(b.window) }
                i += 2
            } else {
                if shapes[a.shape].mayMatch(in: p, a.checked) { out[a.rule, default: []].append(a.window) }
                i += 1
            }
        }
    }
}
