import StrataRegoAST

/// `glob.match` (gobwas/glob semantics: `*`, `**`, `?`, `[a-z]`, `[!a]`, `{a,b}`, delimiters) and `glob.quote_meta`.
enum Glob {
    static let builtins: [Builtin] = [
        .ternary("glob.match") { (p, d, s) throws(BuiltinError) in
            let pattern = try p.string(1), text = try s.string(3)
            var delimiters: [Character] = []
            if case .array(let items) = d {
                delimiters = items.isEmpty ? ["."] : try d.strings(2).compactMap(\.first)
            } else if d != .null {
                throw d.operandError(2, "array")
            }
            let tokens = try GlobPattern.tokenize(Array(pattern))
            return .bool(GlobPattern(delimiters: Set(delimiters)).match(tokens[...], Array(text)[...]))
        },
        .unary("glob.quote_meta") { (p) throws(BuiltinError) in
            var out = ""
            for c in try p.string(1) {
                if "*?\\[]{}".contains(c) { out.append("\\") }
                out.append(c)
            }
            return .string(out)
        },
    ]
}

struct GlobPattern {
    indirect enum Token {
        case literal(Character)
        case any            // ?
        case star           // *
        case superStar      // **
        case charClass(negated: Bool, ranges: [(Character, Character)])
        case alternatives([[Token]])
    }

    let delimiters: Set<Character>

    static func tokenize(_ p: [Character]) throws(BuiltinError) -> [Token] {
        var i = 0
        return try tokens(p, &i, inAlternative: false)
    }

    private static func tokens(_ p: [Character], _ i: inout Int, inAlternative: Bool) throws(BuiltinError) -> [Token] {
        var out: [Token] = []
        while i < p.count {
            let c = p[i]
            if inAlternative, c == "," || c == "}" { return out }
            i += 1
            switch c {
            case "\\":
                guard i < p.count else { throw BuiltinError("unexpected end of input") }
                out.append(.literal(p[i])); i += 1
            case "?": out.append(.any)
            case "*":
                if i < p.count, p[i] == "*" { i += 1; out.append(.superStar) } else { out.append(.star) }
            case "[": out.append(try charClass(p, &i))
            case "{":
                var alts: [[Token]] = []
                while true {
                    alts.append(try tokens(p, &i, inAlternative: true))
                    guard i < p.count else { throw BuiltinError("unexpected end of input") }
                    i += 1
                    if p[i - 1] == "}" { break }
                }
                out.append(.alternatives(alts))
            default: out.append(.literal(c))
            }
        }
        return out
    }

    private static func charClass(_ p: [Character], _ i: inout Int) throws(BuiltinError) -> Token {
        var negated = false
        if i < p.count, p[i] == "!" || p[i] == "^" { negated = true; i += 1 }
        var ranges: [(Character, Character)] = []
        while i < p.count, p[i] != "]" {
            let lo = p[i]
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                ranges.append((lo, p[i + 2])); i += 3
            } else {
                ranges.append((lo, lo)); i += 1
            }
        }
        guard i < p.count else { throw BuiltinError("unexpected end of input") }
        i += 1
        return .charClass(negated: negated, ranges: ranges)
    }

    func match(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Character>) -> Bool {
        guard let t = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch t {
        case .literal(let c): return text.first == c && match(rest, text.dropFirst())
        case .any: return text.first.map { !delimiters.contains($0) } == true && match(rest, text.dropFirst())
        case .charClass(let negated, let ranges):
            guard let c = text.first else { return false }
            let inClass = ranges.contains { $0.0 <= c && c <= $0.1 }
            return inClass != negated && match(rest, text.dropFirst())
        case .star, .superStar:
            var n = text.startIndex
            while true {
                if match(rest, text[n...]) { return true }
                guard n < text.endIndex else { return false }
                if case .star = t, delimiters.contains(text[n]) { return false }
                n += 1
            }
        case .alternatives(let alts):
            return alts.contains { match(($0 + rest)[...], text) }
        }
    }
}
