/// The longest literal every match must contain, found on the parsed pattern. A text without it cannot
/// match, which a byte search answers far faster than the automaton (`[a-z]+\.example\.com$`).
enum RequiredLiteral {
    static func of(_ node: RegexNode) -> [UInt8]? {
        let scalars = longest(node)
        guard !scalars.isEmpty else { return nil }
        var s = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
        return Array(String(s).utf8)
    }

    /// The pattern is one literal run: matching is a substring search.
    static func isPure(_ node: RegexNode) -> Bool {
        if case .literal(let s) = node { return !s.isEmpty }
        return false
    }

    private static func longest(_ node: RegexNode) -> [UInt32] {
        switch node {
        case .literal(let s): return s
        case .capture(_, let n): return longest(n)
        case .repeat(let n, let mn, _, _) where mn >= 1: return longest(n)
        case .concat(let ns): return ns.map(longest).max { $0.count < $1.count } ?? []
        default: return []
        }
    }

    /// Whether `needle` occurs in `hay` (first byte by memchr-like scan, then compare).
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard hay.count >= n else { return false }
        let first = needle[0], last = hay.count - n
        var i = 0
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n, hay[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
