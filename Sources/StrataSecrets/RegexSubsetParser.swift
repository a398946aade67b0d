/// Parses the part of ICU's pattern syntax the built-in rules use into a `RegexNode` whose
/// language is a superset of the pattern's on ASCII text. Anything it does not understand (set
/// operations, POSIX classes, `\Q…\E`, `\p{…}`, `\x…`, back references, free-spacing mode,
/// comments, non-ASCII literals) yields nil: the rule then has no pre-check, which is always correct.
struct RegexSubsetParser {
    private struct Unsupported: Error {}

    private let p: [UInt8]
    private var i = 0
    private let caseInsensitive: Bool
    private let dotAll: Bool

    static func parse(_ pattern: String) -> RegexNode? {
        let bytes = Array(pattern.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 }), let flags = flags(bytes), !flags.contains(UInt8(ascii: "x")) else { return nil }
        var parser = RegexSubsetParser(p: bytes, caseInsensitive: flags.contains(UInt8(ascii: "i")), dotAll: flags.contains(UInt8(ascii: "s")))
        guard let node = try? parser.alternatives(), parser.i == bytes.count else { return nil }
        return node
    }

    /// Every flag letter turned on anywhere (`(?i)`, `(?is:`); a superset is safe. Nil for a
    /// comment group.
    private static func flags(_ p: [UInt8]) -> Set<UInt8>? {
        var out = Set<UInt8>()
        var k = 0
        while k + 1 < p.count {
            if p[k] == UInt8(ascii: "("), p[k + 1] == UInt8(ascii: "?") {
                if k + 2 < p.count, p[k + 2] == UInt8(ascii: "#") { return nil }
                var j = k + 2
                while j < p.count, isLetter(p[j]) { out.insert(p[j]); j += 1 }
            }
            k += 1
        }
        return out
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private var peek: UInt8? { i < p.count ? p[i] : nil }

    /// Branches separated by `|` up to the next `)` (or the end).
    private mutating func alternatives() throws(Unsupported) -> RegexNode {
        var branches = [try sequence()]
        while peek == UInt8(ascii: "|") {
            i += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    /// Elements up to the next `|` or `)` (or the end).
    private mutating func sequence() throws(Unsupported) -> RegexNode {
        var out: [RegexNode] = []
        while let c = peek, c != UInt8(ascii: ")"), c != UInt8(ascii: "|") {
            switch c {
            case UInt8(ascii: "("):
                let inner = try group()
                out.append(try quantified(inner))
            case UInt8(ascii: "^"):
                i += 1
                out.append(.empty)
            case UInt8(ascii: "$"):
                i += 1
                out.append(.lineEnd)
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                throw Unsupported()
            default:
                guard let member = try atom() else {
                    out.append(.empty)  // zero-width escape, never quantified here
                    continue
                }
                out.append(try quantified(.set(member)))
            }
        }
        return .sequence(out)
    }

    /// `( … )` with its header. Lookarounds and flag groups are zero-width: `empty`.
    private mutating func group() throws(Unsupported) -> RegexNode {
        i += 1
        var zeroWidth = false
        if peek == UInt8(ascii: "?") {
            i += 1
            guard let h = peek else { throw Unsupported() }
            switch h {
            case UInt8(ascii: ":"), UInt8(ascii: ">"): i += 1
            case UInt8(ascii: "="), UInt8(ascii: "!"): zeroWidth = true; i += 1
            case UInt8(ascii: "<"):
                i += 1
                if peek == UInt8(ascii: "=") || peek == UInt8(ascii: "!") { zeroWidth = true; i += 1 } else {
                    while let c = peek, c != UInt8(ascii: ">") { i += 1 }
                    guard peek != nil else { throw Unsupported() }
                    i += 1
                }
            default:  // flags: `(?i)` sets them for the rest, `(?i:` opens a group
                while let c = peek, RegexSubsetParser.isLetter(c) || c == UInt8(ascii: "-") { i += 1 }
                if peek == UInt8(ascii: ")") { i += 1; return .empty }
                guard peek == UInt8(ascii: ":") else { throw Unsupported() }
                i += 1
            }
        }
        let inner = try alternatives()
        guard peek == UInt8(ascii: ")") else { throw Unsupported() }
        i += 1
        return zeroWidth ? .empty : inner
    }

    /// `node` with the quantifier that follows it, if any.
    private mutating func quantified(_ node: RegexNode) throws(Unsupported) -> RegexNode {
        let minimum: Int, maximum: Int?
        switch peek {
        case UInt8(ascii: "*"): (minimum, maximum) = (0, nil); i += 1
        case UInt8(ascii: "?"): (minimum, maximum) = (0, 1); i += 1
        case UInt8(ascii: "+"): (minimum, maximum) = (1, nil); i += 1
        case UInt8(ascii: "{"):
            i += 1
            minimum = try number()
            if peek == UInt8(ascii: ",") {
                i += 1
                maximum = peek == UInt8(ascii: "}") ? nil : try number()
            } else {
                maximum = minimum
            }
            guard peek == UInt8(ascii: "}"), maximum.map({ $0 >= minimum }) ?? true else { throw Unsupported() }
            i += 1
        default: return node
        }
        if peek == UInt8(ascii: "?") || peek == UInt8(ascii: "+") { i += 1 }  // lazy, possessive
        return .repeated(node, min: minimum, max: maximum)
    }

    private mutating func number() throws(Unsupported) -> Int {
        var n = 0, digits = 0
        while let c = peek, c >= 0x30, c <= 0x39 {
            guard digits < 6 else { throw Unsupported() }
            n = n * 10 + Int(c - 0x30)
            digits += 1
            i += 1
        }
        guard digits > 0 else { throw Unsupported() }
        return n
    }

    /// One character-matching element's byte class, or nil for a zero-width escape (`\b`).
    private mutating func atom() throws(Unsupported) -> [Bool]? {
        let c = p[i]
        i += 1
        switch c {
        case UInt8(ascii: "["): return try bracket()
        case UInt8(ascii: "."):
            var all = [Bool](repeating: true, count: 256)
            if !dotAll { all[0x0A] = false }
            return all
        case UInt8(ascii: "\\"):
            guard let e = peek else { throw Unsupported() }
            i += 1
            if "bBAzZG".utf8.contains(e) { return nil }
            var set = ByteClass()
            try escape(e, into: &set)
            return set.maybe
        default:
            var set = ByteClass()
            literal(c, into: &set)
            return set.maybe
        }
    }

    /// A bracket's members: `maybe` holds every byte ICU might accept, `surely` only those it
    /// certainly accepts, so that a complement of `surely` is still a superset.
    private struct ByteClass {
        var maybe = [Bool](repeating: false, count: 256)
        var surely = [Bool](repeating: false, count: 256)
        mutating func add(_ b: Int) { maybe[b] = true; surely[b] = true }
    }

    /// `[…]` after the opening bracket. Nested brackets (ICU set operations, POSIX classes) and
    /// `&&`/`--` operators are unsupported.
    private mutating func bracket() throws(Unsupported) -> [Bool] {
        var raw = ByteClass()
        let negated = peek == UInt8(ascii: "^")
        if negated { i += 1 }
        guard peek != UInt8(ascii: "]") else { throw Unsupported() }
        var previous: UInt8?
        while let c = peek, c != UInt8(ascii: "]") {
            i += 1
            if c == UInt8(ascii: "[") { throw Unsupported() }
            if c == UInt8(ascii: "&") || c == UInt8(ascii: "-"), peek == c { throw Unsupported() }
            if c == UInt8(ascii: "-"), let lo = previous, let hi = peek, hi != UInt8(ascii: "]") {
                i += 1
                let top = hi == UInt8(ascii: "\\") ? try escapedLiteral() : hi
                guard top >= lo, top < 0x80 else { throw Unsupported() }
                for b in lo...top { raw.add(Int(b)) }
                previous = nil
                continue
            }
            if c == UInt8(ascii: "\\") {
                guard let e = peek else { throw Unsupported() }
                if "dwsDWS".utf8.contains(e) {
                    i += 1
                    try escape(e, into: &raw)
                    previous = nil
                } else {
                    let b = try escapedLiteral()
                    raw.add(Int(b))
                    previous = b
                }
                continue
            }
            raw.add(Int(c))
            previous = c
        }
        guard peek == UInt8(ascii: "]") else { throw Unsupported() }
        i += 1
        // Complement first, then close over case: a superset of either order ICU might use.
        var set = negated ? raw.surely.map { !$0 } : raw.maybe
        if caseInsensitive {
            for b in 0..<128 where set[b] && RegexSubsetParser.isLetter(UInt8(b)) { set[b ^ 0x20] = true }
        }
        return set
    }

    /// The byte of a literal escape (`\.`, `\n`) at `i`, consumed.
    private mutating func escapedLiteral() throws(Unsupported) -> UInt8 {
        guard let e = peek else { throw Unsupported() }
        i += 1
        if let b = RegexSubsetParser.controlEscapes[e] { return b }
        guard !RegexSubsetParser.isLetter(e), !(e >= 0x30 && e <= 0x39) else { throw Unsupported() }
        return e
    }

    private static let controlEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "e"): 0x1B, UInt8(ascii: "a"): 0x07,
    ]

    /// ASCII members of `\d \w \s`: those certainly in the class, and those that may be
    /// (ICU's white space is Unicode's; the vertical tab and the information separators
    /// 0x1C–0x1F are counted on both sides).
    private static let escapeClasses: [UInt8: (surely: @Sendable (UInt8) -> Bool, maybe: @Sendable (UInt8) -> Bool)] = [
        UInt8(ascii: "d"): ({ $0 >= 0x30 && $0 <= 0x39 }, { $0 >= 0x30 && $0 <= 0x39 }),
        UInt8(ascii: "w"): ({ isWord($0) }, { isWord($0) }),
        UInt8(ascii: "s"): ({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D },
                            { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) || ($0 >= 0x1C && $0 <= 0x1F) }),
    ]

    private static func isWord(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x5F }

    /// Adds an escape after the backslash (already consumed) to `set`.
    private mutating func escape(_ e: UInt8, into set: inout ByteClass) throws(Unsupported) {
        if let test = RegexSubsetParser.escapeClasses[e | 0x20] {
            let upper = e < 0x61
            for b in 0..<128 {
                // `\S` surely holds what `\s` surely lacks and maybe holds what `\s` maybe lacks.
                if upper ? !test.maybe(UInt8(b)) : test.surely(UInt8(b)) { set.surely[b] = true }
                if upper ? !test.surely(UInt8(b)) : test.maybe(UInt8(b)) { set.maybe[b] = true }
            }
            if upper { for b in 128..<256 { set.add(b) } }
            return
        }
        i -= 1
        literal(try escapedLiteral(), into: &set)
    }

    private func literal(_ b: UInt8, into set: inout ByteClass) {
        set.add(Int(b))
        if caseInsensitive, RegexSubsetParser.isLetter(b) { set.add(Int(b ^ 0x20)) }
    }
}
