/// One instruction of the compiled automaton (Thompson construction, as RE2 and Go compile).
struct Inst: Sendable {
    enum Op: UInt8, Sendable {
        /// Consume `arg` exactly.
        case rune
        /// Consume a scalar in `classes[arg]`.
        case charClass
        case any
        case anyNotNewline
        /// Try `out` first, then `arg`.
        case split
        /// Record the position in capture slot `arg`.
        case save
        /// Continue when assertion `arg` holds here.
        case assert
        case nop
        case match
    }

    var op: Op
    var out: Int32 = -1
    var arg: Int32 = 0
}

/// A compiled pattern: instructions plus what speeds up the search.
struct Program: Sendable {
    var insts: [Inst] = []
    var classes: [CharClass] = []
    var start: Int32 = 0
    /// Capture slots, two per group including group 0 (the whole match).
    var slotCount = 2
    /// Every match begins at the start of the text (`^…` or `\A…`).
    var anchoredStart = false
    /// UTF-8 lead bytes that can begin a match; nil when any position can (or an assertion comes first).
    var firstBytes: [Bool]? = nil
    /// For anchored programs: the lead bytes a text must begin with to match at all.
    var anchoredFirstBytes: [Bool]? = nil
}
