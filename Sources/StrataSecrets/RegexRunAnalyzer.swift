/// Finds a `RequiredRun` in an ICU pattern: the longest repeated single-character element
/// (`[a-f0-9]{32}`, `\w{20,}`, `x{8,}`) that lies on every path through the pattern, i.e. not in
/// an alternation branch, not in a group that may repeat zero times, not in a lookaround.
/// Anything this small parser does not understand (set operations, `\Q…\E`, back references,
/// free-spacing mode, non-ASCII literals) gives up and yields nil: the rule then simply has no
/// pre-check, which is always correct.
struct RegexRunAnalyzer {
    private struct Unsupported: Error {}

    /// A repeated one-character element: its byte class and its minimum repetition count.
    private struct Element {
        var member: [Bool]
        var minimum: Int
    }

    private let p: [UInt8]
    private var i = 0
    private let caseInsensitive: Bool
    private let dotAll: Bool

    static func requiredRun(_ pattern: String) -> RequiredRun? {
        let bytes = Array(pattern.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 }), let flags = flags(bytes), !flags.contains(UInt8(ascii: "x")) else { return nil }
        var a = RegexRunAnalyzer(p: bytes, caseInsensitive: flags.contains(UInt8(ascii: "i")), dotAll: flags.contains(UInt8(ascii: "s")))
        guard let elements = try? a.sequence(), a.i == bytes.count else { return nil }
        let best = elements.filter { $0.minimum >= RequiredRun.minimumLength }.max { x, y in
            (x.minimum, -x.member.count(where: \.self)) < (y.minimum, -y.member.count(where: \.self))
        }
        guard let best else { return nil }
        var member = best.member.map { UInt8($0 ? 1 : 0) }
        for b in 0x80..<0x100 { member[b] = 1 }  // non-ASCII characters may match \w, \s, (?i) classes
        return RequiredRun(member: member, length: best.minimum)
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

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private var peek: UInt8? { i < p.count ? p[i] : nil }

    /// Elements that every match of the sequence up to the next `)` (or the end) passes through.
    private mutating func sequence() throws(Unsupported) -> [Element] {
        var out: [Element] = []
        var alternation = false
        while let c = peek, c != UInt8(ascii: ")") {
            switch c {
            case UInt8(ascii: "|"):
                alternation = true
                i += 1
            case UInt8(ascii: "("):
                let (inner, mandatory) = try group()
                let minimum = try quantifier()
                if mandatory, minimum >= 1 { out += inner }
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                i += 1
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                throw Unsupported()
            default:
                guard let member = try atom() else { continue }
                let minimum = try quantifier()
                out.append(Element(member: member, minimum: minimum))
            }
        }
        return alternation ? [] : out
    }

    /// `( … )` with its header; whether its content is on every path (not a lookaround).
    private mutating func group() throws(Unsupported) -> ([Element], Bool) {
        i += 1
        var mandatory = true
        if peek == UInt8(ascii: "?") {
            i += 1
            guard let h = peek else { throw Unsupported() }
            switch h {
            case UInt8(ascii: ":"), UInt8(ascii: ">"): i += 1
            case UInt8(ascii: "="), UInt8(ascii: "!"): mandatory = false; i += 1
            case UInt8(ascii: "<"):
                i += 1
                if peek == UInt8(ascii: "=") || peek == UInt8(ascii: "!") { mandatory = false; i += 1 } else {
                    while let c = peek, c != UInt8(ascii: ">") { i += 1 }
                    guard peek != nil else { throw Unsupported() }
                    i += 1
                }
            default:  // flags: `(?i)` sets them for the rest, `(?i:` opens a group
                while let c = peek, RegexRunAnalyzer.isLetter(c) || c == UInt8(ascii: "-") { i += 1 }
                if peek == UInt8(ascii: ")") { i += 1; return ([], false) }
                guard peek == UInt8(ascii: ":") else { throw Unsupported() }
                i += 1
            }
        }
        let inner = try sequence()
        guard peek == UInt8(ascii: ")") else { throw Unsupported() }
        i += 1
        return (inner, mandatory)
    }

    /// The minimum count of a quantifier after an element (1 when there is none).
    private mutating func quantifier() throws(Unsupported) -> Int {
        let minimum: Int
        switch peek {
        case UInt8(ascii: "*"), UInt8(ascii: "?"): minimum = 0; i += 1
        case UInt8(ascii: "+"): minimum = 1; i += 1
        case UInt8(ascii: "{"):
            i += 1
            var n = 0, digits = 0
            while let c = peek, c >= 0x30, c <= 0x39, digits < 6 { n = n * 10 + Int(c - 0x30); digits += 1; i += 1 }
            guard digits > 0 else { throw Unsupported() }
            while let c = peek, c != UInt8(ascii: "}") {
                guard c == UInt8(ascii: ",") || (c >= 0x30 && c <= 0x39) else { throw Unsupported() }
                i += 1
            }
            guard peek != nil else { throw Unsupported() }
            i += 1
            minimum = n
        default: return 1
        }
        if peek == UInt8(ascii: "?") || peek == UInt8(ascii: "+") { i += 1 }  // lazy, possessive
        return minimum
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
            var set = [Bool](repeating: false, count: 256)
            try escape(e, into: &set)
            return set
        default:
            var set = [Bool](repeating: false, count: 256)
            literal(c, into: &set)
            return set
        }
    }

    /// `[…]` after the opening bracket. Nested brackets (ICU set operations, POSIX classes) are unsupported.
    private mutating func bracket() throws(Unsupported) -> [Bool] {
        var raw = [Bool](repeating: false, count: 256)
        let negated = peek == UInt8(ascii: "^")
        if negated { i += 1 }
        guard peek != UInt8(ascii: "]") else { throw Unsupported() }
        var previous: UInt8?
        while let c = peek, c != UInt8(ascii: "]") {
            i += 1
            if c == UInt8(ascii: "[") { throw Unsupported() }
            if c == UInt8(ascii: "-"), let lo = previous, let hi = peek, hi != UInt8(ascii: "]") {
                i += 1
                let top = hi == UInt8(ascii: "\\") ? try escapedLiteral() : hi
                guard top >= lo, top < 0x80 else { throw Unsupported() }
                for b in lo...top { raw[Int(b)] = true }
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
                    raw[Int(b)] = true
                    previous = b
                }
                continue
            }
            raw[Int(c)] = true
            previous = c
        }
        guard peek == UInt8(ascii: "]") else { throw Unsupported() }
        i += 1
        // Complement first, then close over case: a superset of either order ICU might use.
        var set = negated ? raw.map { !$0 } : raw
        if caseInsensitive {
            for b in 0..<128 where set[b] && RegexRunAnalyzer.isLetter(UInt8(b)) { set[b ^ 0x20] = true }
        }
        return set
    }

    /// The byte of a literal escape (`\.`, `\n`) at `i`, consumed.
    private mutating func escapedLiteral() throws(Unsupported) -> UInt8 {
        guard let e = peek else { throw Unsupported() }
        i += 1
        if let b = RegexRunAnalyzer.controlEscapes[e] { return b }
        guard !RegexRunAnalyzer.isLetter(e), !(e >= 0x30 && e <= 0x39) else { throw Unsupported() }
        return e
    }

    private static let controlEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "e"): 0x1B, UInt8(ascii: "a"): 0x07,
    ]

    /// ASCII members of `\d \w \s` and their complements (non-ASCII is added for every class).
    private static let escapeClasses: [UInt8: @Sendable (UInt8) -> Bool] = [
        UInt8(ascii: "d"): { $0 >= 0x30 && $0 <= 0x39 },
        UInt8(ascii: "w"): { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F },
        UInt8(ascii: "s"): { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) },
    ]

    /// Adds an escape after the backslash (already consumed) to `set`.
    private mutating func escape(_ e: UInt8, into set: inout [Bool]) throws(Unsupported) {
        if let test = RegexRunAnalyzer.escapeClasses[e | 0x20] {
            let upper = e < 0x61
            for b in 0..<128 where test(UInt8(b)) != upper { set[b] = true }
            if upper { for b in 128..<256 { set[b] = true } }
            return
        }
        i -= 1
        literal(try escapedLiteral(), into: &set)
    }

    private func literal(_ b: UInt8, into set: inout [Bool]) {
        set[Int(b)] = true
        if caseInsensitive, RegexRunAnalyzer.isLetter(b) { set[Int(b ^ 0x20)] = true }
    }
}
