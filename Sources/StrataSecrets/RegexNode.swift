/// An ICU pattern reduced to what the byte-level pre-checks need (`RegexSubsetParser` builds it).
/// Every node matches a superset of what ICU matches on ASCII text: zero-width assertions,
/// lookarounds and flag groups become `empty`, possessive and lazy quantifiers become greedy,
/// byte classes may hold bytes ICU would refuse, and case folding is applied to the whole
/// pattern when `(?i)` appears anywhere. Classes do not list every non-ASCII byte ICU may accept:
/// non-ASCII text is the callers' business (both pre-checks let every byte ≥ 0x80 through).
indirect enum RegexNode: Sendable, Equatable {
    /// One character from a byte class (256 entries).
    case set([Bool])
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// `x{min,max}`; `max` nil is unbounded.
    case repeated(RegexNode, min: Int, max: Int?)
    /// `$`: the end of the input or a line terminator (with or without `(?m)`).
    case lineEnd
    case empty
}
