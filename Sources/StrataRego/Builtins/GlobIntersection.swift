/// `regex.globs_match`: whether two glob-like patterns (`.`, `[set]`, `*`, `+`, `\` escapes; everything else
/// literal) can match a common non-empty string. OPA answers with a token-walking heuristic rather than an
/// exact automaton intersection; this reproduces its answers (same token rules, same greedy walk) so
/// policies decide the same way.
enum GlobIntersection {
    enum Flag { case none, plus, star }

    enum Kind: Equatable {
        case character(Unicode.Scalar)
        case dot
        case set(Set<Unicode.Scalar>)
    }

    struct Token: Equatable {
        var kind: Kind
        var flag: Flag = .none
    }

    static func nonEmpty(_ lhs: String, _ rhs: String) throws(BuiltinError) -> Bool {
        let a = simplify(try tokenize(lhs)), b = simplify(try tokenize(rhs))
        guard let (g1, g2) = trim(a[...], b[...]) else { return false }
        return normal(g1, g2)
    }

    // MARK: tokens

    private static func invalid(_ input: String, _ pos: Int, _ what: String) -> BuiltinError {
        BuiltinError("input:\(input), pos:\(pos), \(what): the input provided is invalid")
    }

    static func tokenize(_ input: String) throws(BuiltinError) -> [Token] {
        let s = Array(input.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func next() throws(BuiltinError) -> (Unicode.Scalar, Bool)? {
            guard i < s.count else { return nil }
            if s[i] == "\\" {
                guard i + 1 < s.count else { throw invalid(input, i, "input ends with a \\ (escape) character") }
                i += 2
                return (s[i - 1], true)
            }
            i += 1
            return (s[i - 1], false)
        }
        while let (c, escaped) = try next() {
            if !escaped, c == "*" || c == "+" {
                guard let last = tokens.last, last.flag == .none else {
                    throw invalid(input, i, "flag '\(c)' must be preceded by a non-flag")
                }
                tokens[tokens.count - 1].flag = c == "*" ? .star : .plus
                continue
            }
            if escaped {
                tokens.append(Token(kind: .character(c)))
            } else if c == "." {
                tokens.append(Token(kind: .dot))
            } else if c == "]" {
                throw invalid(input, i, "set-close ']' with no preceding '['")
            } else if c == "[" {
                var members = Set<Unicode.Scalar>()
                var prev: Unicode.Scalar? = nil
                var complete = false
                while let (m, esc) = try next() {
                    if !esc, m == "]" {
                        complete = true
                        break
                    }
                    if !esc, m == "-" {
                        guard let lo = prev else { throw invalid(input, i, "range character '-' must be preceded by a Unicode character") }
                        if i >= s.count - 1 { throw invalid(input, i, "range character '-' must be followed by a Unicode character") }
                        guard let (hi, hiEscaped) = try next() else { break }
                        if !hiEscaped, hi == "]" || hi == "-" {
                            throw invalid(input, i, "range character '-' cannot be followed by a special symbol")
                        }
                        // An out-of-order range adds nothing (OPA reports no error for it).
                        if lo.value <= hi.value {
                            for v in lo.value...hi.value { if let u = Unicode.Scalar(v) { members.insert(u) } }
                        }
                        prev = nil
                        continue
                    }
                    members.insert(m)
                    prev = m
                }
                if !complete { throw invalid(input, i, "found [ without matching ]") }
                tokens.append(Token(kind: .set(members)))
            } else {
                tokens.append(Token(kind: .character(c)))
            }
        }
        return tokens
    }

    /// Adjacent repeats of one token where the second is starred collapse (`a*a*` → `a*`, `a+a*` → `a+`).
    static func simplify(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        for t in tokens {
            if let last = out.last, last.kind == t.kind, last.flag != .none, t.flag != .none {
                if t.flag == .plus { out[out.count - 1].flag = .plus }
                continue
            }
            out.append(t)
        }
        return out
    }

    /// Whether two tokens can consume the same character (flags ignored).
    static func match(_ a: Token, _ b: Token) -> Bool {
        switch (a.kind, b.kind) {
        case (.character(let x), .character(let y)): x == y
        case (.dot, _), (_, .dot): true
        case (.character(let x), .set(let s)), (.set(let s), .character(let x)): s.contains(x)
        case (.set(let s), .set(let t)): !s.isDisjoint(with: t)
        }
    }

    // MARK: the walk

    /// Drops equal unflagged prefixes and suffixes (keeping one token of each), or nil on a mismatch there.
    private static func trim(_ g1: ArraySlice<Token>, _ g2: ArraySlice<Token>) -> (ArraySlice<Token>, ArraySlice<Token>)? {
        let a = Array(g1), b = Array(g2)
        var l = 0
        while l < a.count, l < b.count, a[l].flag == .none, b[l].flag == .none {
            if !match(a[l], b[l]) { return nil }
            l += 1
        }
        if l > 0 { l -= 1 }
        var r1 = a.count - 1, r2 = b.count - 1
        while r1 >= 0, r1 >= l, r2 >= 0, r2 >= l, a[r1].flag == .none, b[r2].flag == .none {
            if !match(a[r1], b[r2]) { return nil }
            r1 -= 1
            r2 -= 1
        }
        if r1 < a.count - 1 {
            r1 += 1
            r2 += 1
        }
        let left = l <= r1 + 1 ? a[l..<(r1 + 1)] : a[0..<0]
        let right = l <= r2 + 1 ? b[l..<(r2 + 1)] : b[0..<0]
        return (left, right)
    }

    private static func normal(_ g1: ArraySlice<Token>, _ g2: ArraySlice<Token>) -> Bool {
        var i = g1.startIndex, j = g2.startIndex
        while i < g1.endIndex, j < g2.endIndex {
            if g1[i].flag == .none, g2[j].flag == .none {
                if !match(g1[i], g2[j]) { return false }
            } else {
                return special(g1[i...], g2[j...])
            }
            i += 1
            j += 1
        }
        return i == g1.endIndex && j == g2.endIndex
    }

    private static func special(_ g1: ArraySlice<Token>, _ g2: ArraySlice<Token>) -> Bool {
        let (flagged, other) = g1.first?.flag != Flag.none ? (g1, g2) : (g2, g1)
        switch flagged.first?.flag {
        case .plus?: return plus(flagged, other)
        case .star?: return star(flagged, other)
        default: return false
        }
    }

    private static func plus(_ plussed: ArraySlice<Token>, _ other: ArraySlice<Token>) -> Bool {
        guard let p = plussed.first, let o = other.first, match(p, o) else { return false }
        if star(plussed, other.dropFirst()) { return true }
        return o.flag != .none && normal(plussed.dropFirst(), other)
    }

    private static func star(_ starred: ArraySlice<Token>, _ other: ArraySlice<Token>) -> Bool {
        guard let starToken = starred.first else { return false }
        let nextToken = starred.dropFirst().first
        for k in other.indices {
            let t = other[k]
            if let nextToken, match(t, nextToken) {
                if normal(starred.dropFirst(), other[k...]) { return true }
                if !match(t, starToken) { return false }
            } else if !match(t, starToken) {
                return false
            }
        }
        return nextToken == nil
    }
}
