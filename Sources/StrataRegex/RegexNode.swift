/// Zero-width assertions of RE2 syntax.
public enum RegexAssertion: UInt8, Sendable {
    case beginLine, endLine, beginText, endText, wordBoundary, nonWordBoundary
}

/// The parsed form of a pattern, after flags are applied (case folding is already in the classes).
indirect enum RegexNode: Sendable {
    case empty
    /// A run of literal scalars, matched exactly (no folding).
    case literal([UInt32])
    case charClass(CharClass)
    /// `.`; `matchesNewline` under the `s` flag.
    case anyChar(matchesNewline: Bool)
    case assertion(RegexAssertion)
    case capture(index: Int, RegexNode)
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `max == nil` is unbounded.
    case `repeat`(RegexNode, min: Int, max: Int?, greedy: Bool)

    /// True when the node can match the empty string.
    var nullable: Bool {
        switch self {
        case .empty, .assertion: true
        case .literal(let s): s.isEmpty
        case .charClass, .anyChar: false
        case .capture(_, let n): n.nullable
        case .concat(let ns): ns.allSatisfy(\.nullable)
        case .alternate(let ns): ns.contains { $0.nullable }
        case .repeat(let n, let min, _, _): min == 0 || n.nullable
        }
    }
}
