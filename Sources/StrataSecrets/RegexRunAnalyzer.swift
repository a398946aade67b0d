/// Finds a `RequiredRun` in an ICU pattern: the longest repeated single-character element
/// (`[a-f0-9]{32}`, `\w{20,}`, `x{8,}`) that lies on every path through the pattern, i.e. not in
/// an alternation branch, not in a group that may repeat zero times, not in a lookaround.
/// Patterns `RegexSubsetParser` does not understand yield nil: the rule then simply has no
/// pre-check, which is always correct.
enum RegexRunAnalyzer {
    /// A repeated one-character element: its byte class and its minimum repetition count.
    private struct Element {
        var member: [Bool]
        var minimum: Int
    }

    static func requiredRun(_ pattern: String) -> RequiredRun? {
        guard let node = RegexSubsetParser.parse(pattern) else { return nil }
        return requiredRun(node)
    }

    static func requiredRun(_ node: RegexNode) -> RequiredRun? {
        let best = elements(node).filter { $0.minimum >= RequiredRun.minimumLength }.max { x, y in
            (x.minimum, -x.member.count(where: \.self)) < (y.minimum, -y.member.count(where: \.self))
        }
        guard let best else { return nil }
        var member = best.member.map { UInt8($0 ? 1 : 0) }
        for b in 0x80..<0x100 { member[b] = 1 }  // non-ASCII characters may match \w, \s, (?i) classes
        return RequiredRun(member: member, length: best.minimum)
    }

    /// Elements every match passes through, in order.
    private static func elements(_ node: RegexNode) -> [Element] {
        switch node {
        case .set(let member): return [Element(member: member, minimum: 1)]
        case .repeated(.set(let member), let minimum, _): return [Element(member: member, minimum: minimum)]
        case .repeated(let inner, let minimum, _): return minimum >= 1 ? elements(inner) : []
        case .sequence(let items): return items.flatMap(elements)
        case .alternation, .lineEnd, .empty: return []
        }
    }
}
