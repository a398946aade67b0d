/// Parses Go's RE2 syntax (Perl flags, Unicode groups, one-line by default) into a `RegexNode`,
/// reporting the first error the way Go's `regexp/syntax` does.
struct RegexParser {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var flags = RegexFlags()
    private var depth = 0
    private(set) var captureCount = 0
    /// Capture names by index; index 0 is the whole match.
    private(set) var names: [String?] = [nil]

    static let maxRepeat = 1000
    static let maxDepth = 1000

    init(_ pattern: String) { s = Array(pattern.unicodeScalars) }

    private var whole: String { text(0, s.count) }

    private func text(_ from: Int, _ to: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[max(0, from)..<min(s.count, max(from, to))])
        return String(v)
    }

    private func fail(_ code: RegexError.Code, _ from: Int, _ to: Int) -> RegexError {
        RegexError(code: code, expression: text(from, to))
    }

    mutating func parse() throws(RegexError) -> RegexNode {
        let node = try parseAlternation()
        if i < s.count { throw RegexError(code: .unexpectedParen, expression: whole) }
        return node
    }

    private mutating func parseAlternation() throws(RegexError) -> RegexNode {
        var branches = [try parseConcat()]
        while i < s.count, s[i] == "|" {
            i += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func parseConcat() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        var lastRepeat: Int? = nil
        while i < s.count, s[i] != "|", s[i] != ")" {
            var thisRepeat: Int? = nil
            let c = s[i]
            switch c {
            case "*", "+", "?":
                let start = i
                i += 1
                let (mn, mx): (Int, Int?) = c == "*" ? (0, nil) : c == "+" ? (1, nil) : (0, 1)
                try applyRepeat(&items, mn, mx, start: start, lastRepeat: lastRepeat)
                thisRepeat = start
            case "{":
                if let (mn, mx, end) = braces(at: i) {
                    let start = i
                    i = end
                    if mn < 0 || mn > Self.maxRepeat || (mx ?? 0) > Self.maxRepeat || (mx.map { mn > $0 } ?? false) {
                        throw fail(.invalidRepeatSize, start, end)
                    }
                    try applyRepeat(&items, mn, mx, start: start, lastRepeat: lastRepeat)
                    thisRepeat = start
                } else {
                    items.append(literal(0x7B))
                    i += 1
                }
            case "(":
                if let node = try parseGroup() { items.append(node) }
            case "^":
                i += 1
                items.append(.assertion(flags.multiLine ? .beginLine : .beginText))
            case "$":
                i += 1
                items.append(.assertion(flags.multiLine ? .endLine : .endText))
            case ".":
                i += 1
                items.append(.anyChar(matchesNewline: flags.dotMatchesNewline))
            case "[":
                items.append(.charClass(try parseClass()))
            case "\\":
                items += try parseBackslash()
            default:
                i += 1
                items.append(literal(c.value))
            }
            lastRepeat = thisRepeat
        }
        return Self.joined(items)
    }

    /// Adjacent single literals become one literal run.
    private static func joined(_ items: [RegexNode]) -> RegexNode {
        // One buffer per run: merging pairwise would copy the run at every step (quadratic on long literals).
        var out: [RegexNode] = []
        var run: [UInt32] = []
        for item in items {
            if case .literal(let b) = item {
                run += b
            } else {
                if !run.isEmpty { out.append(.literal(run)); run = [] }
                out.append(item)
            }
        }
        if !run.isEmpty { out.append(.literal(run)) }
        switch out.count {
        case 0: return .empty
        case 1: return out[0]
        default: return .concat(out)
        }
    }

    private func literal(_ c: UInt32) -> RegexNode {
        guard flags.foldCase else { return .literal([c]) }
        let orbit = CaseFolding.orbit(of: c)
        return orbit.count == 1 ? .literal([c]) : .charClass(CharClass(ranges: orbit.map { ($0, $0) }))
    }

    private mutating func applyRepeat(_ items: inout [RegexNode], _ mn: Int, _ mx: Int?, start: Int,
                                      lastRepeat: Int?) throws(RegexError) {
        var greedy = !flags.ungreedy
        if i < s.count, s[i] == "?" {
            i += 1
            greedy.toggle()
        }
        if let lastRepeat { throw fail(.invalidRepeatOp, lastRepeat, i) }
        guard let sub = items.popLast() else { throw fail(.missingRepeatArgument, start, i) }
        let node = RegexNode.repeat(sub, min: mn, max: mx, greedy: greedy)
        let counted = s[start] == "{"
        if counted, mn >= 2 || (mx ?? 0) >= 2, !Self.repeatIsValid(node, Self.maxRepeat) {
            throw fail(.invalidRepeatSize, start, i)
        }
        items.append(node)
    }

    /// Nested counted repeats may not multiply past 1000 (Go's rule).
    private static func repeatIsValid(_ node: RegexNode, _ budget: Int) -> Bool {
        var n = budget
        switch node {
        case .repeat(let sub, let mn, let mx, _):
            var m = mx ?? mn
            if mx == 0 { return true }
            if mx == nil { m = mn }
            if m > n { return false }
            if m > 0 { n /= m }
            return repeatIsValid(sub, n)
        case .capture(_, let sub): return repeatIsValid(sub, n)
        case .concat(let subs), .alternate(let subs): return subs.allSatisfy { repeatIsValid($0, n) }
        default: return true
        }
    }

    /// `{n}`, `{n,}`, `{n,m}` at `at`: (min, max, index after `}`), or nil when it is not a repeat (then `{` is literal).
    /// Numbers too large for Go become -1 / 1001 so the size check rejects them.
    private func braces(at start: Int) -> (Int, Int?, Int)? {
        var j = start + 1
        func number() -> Int? {
            let from = j
            var v = 0
            while j < s.count, let d = digit(s[j]) {
                v = min(v * 10 + d, 100_000_000)
                j += 1
            }
            if j == from { return nil }
            return v >= 100_000_000 ? -1 : v
        }
        guard let mn = number() else { return nil }
        var mx: Int? = mn
        if j < s.count, s[j] == "," {
            j += 1
            if j < s.count, s[j] == "}" {
                mx = nil
            } else {
                guard let m = number() else { return nil }
                mx = m < 0 ? Self.maxRepeat + 1 : m
            }
        }
        guard j < s.count, s[j] == "}" else { return nil }
        return (mn, mx, j + 1)
    }

    private func digit(_ c: Unicode.Scalar) -> Int? {
        c.value >= 0x30 && c.value <= 0x39 ? Int(c.value - 0x30) : nil
    }

    // MARK: groups

    /// A group at `(`; nil for a flags-only group such as `(?i)`.
    private mutating func parseGroup() throws(RegexError) -> RegexNode? {
        let open = i
        var capture: Int? = nil
        var inner = flags
        if i + 1 < s.count, s[i + 1] == "?" {
            let named = (i + 4 < s.count && s[i + 2] == "P" && s[i + 3] == "<") || (i + 3 < s.count && s[i + 2] == "<")
            if named {
                let begin = s[i + 2] == "P" ? i + 4 : i + 3
                guard let end = s[begin...].firstIndex(of: ">") else {
                    throw fail(.invalidNamedCapture, open, s.count)
                }
                let name = text(begin, end)
                guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 == "_" || isASCIIAlnum($0) }) else {
                    throw fail(.invalidNamedCapture, open, end + 1)
                }
                captureCount += 1
                capture = captureCount
                names.append(name)
                i = end + 1
            } else {
                var j = i + 2, negated = false, sawFlag = false
                var f = flags
                loop: while true {
                    guard j < s.count else { throw fail(.invalidPerlOp, open, j) }
                    let c = s[j]
                    j += 1
                    switch c {
                    case "i": f.foldCase = !negated; sawFlag = true
                    case "m": f.multiLine = !negated; sawFlag = true
                    case "s": f.dotMatchesNewline = !negated; sawFlag = true
                    case "U": f.ungreedy = !negated; sawFlag = true
                    case "-":
                        if negated { throw fail(.invalidPerlOp, open, j) }
                        negated = true
                        sawFlag = false
                    case ":", ")":
                        if negated, !sawFlag { throw fail(.invalidPerlOp, open, j) }
                        i = j
                        if c == ")" {
                            flags = f
                            return nil
                        }
                        inner = f
                        break loop
                    default:
                        throw fail(.invalidPerlOp, open, j)
                    }
                }
            }
        } else {
            captureCount += 1
            capture = captureCount
            names.append(nil)
            i += 1
        }
        depth += 1
        if depth > Self.maxDepth { throw RegexError(code: .nestingDepth, expression: whole) }
        let outer = flags
        flags = inner
        let body = try parseAlternation()
        guard i < s.count, s[i] == ")" else { throw RegexError(code: .missingParen, expression: whole) }
        i += 1
        flags = outer
        depth -= 1
        if let capture { return .capture(index: capture, body) }
        return body
    }

    private func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x30 && c.value <= 0x39) || (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    // MARK: escapes

    private mutating func parseBackslash() throws(RegexError) -> [RegexNode] {
        if i + 1 < s.count {
            switch s[i + 1] {
            case "A": i += 2; return [.assertion(.beginText)]
            case "z": i += 2; return [.assertion(.endText)]
            case "b": i += 2; return [.assertion(.wordBoundary)]
            case "B": i += 2; return [.assertion(.nonWordBoundary)]
            case "C": throw fail(.invalidEscape, i, i + 2)
            case "Q":
                var j = i + 2
                var out: [RegexNode] = []
                while j < s.count, !(s[j] == "\\" && j + 1 < s.count && s[j + 1] == "E") {
                    out.append(literal(s[j].value))
                    j += 1
                }
                i = j < s.count ? j + 2 : j
                return out
            default: break
            }
        }
        if let c = try parseUnicodeClass() { return [.charClass(c)] }
        if let c = parsePerlClass() { return [.charClass(c)] }
        return [literal(try parseEscape())]
    }

    /// `\pL`, `\p{Greek}`, `\P{^Lu}`; nil when not at one.
    private mutating func parseUnicodeClass() throws(RegexError) -> CharClass? {
        guard i + 1 < s.count, s[i] == "\\", s[i + 1] == "p" || s[i + 1] == "P" else { return nil }
        let start = i
        var positive = s[i + 1] == "p"
        var name: String, end: Int
        if i + 2 < s.count, s[i + 2] == "{" {
            guard let close = s[(i + 2)...].firstIndex(of: "}") else { throw fail(.invalidCharRange, start, s.count) }
            name = text(i + 3, close)
            end = close + 1
        } else {
            end = min(i + 3, s.count)
            name = text(i + 2, end)
        }
        if name.hasPrefix("^") {
            positive.toggle()
            name.removeFirst()
        }
        guard var c = UnicodeClasses.named(name) else { throw fail(.invalidCharRange, start, end) }
        if flags.foldCase { c = c.caseFolded() }
        i = end
        return positive ? c : c.negated()
    }

    /// `\d \D \s \S \w \W`; nil when not at one.
    private mutating func parsePerlClass() -> CharClass? {
        guard i + 1 < s.count, s[i] == "\\" else { return nil }
        let letter = Character(s[i + 1])
        let lower = Character(letter.lowercased())
        guard let base = UnicodeClasses.perl[lower] else { return nil }
        i += 2
        let c = flags.foldCase ? base.caseFolded() : base
        return letter == lower ? c : c.negated()
    }

    /// A single escaped scalar at `\`.
    private mutating func parseEscape() throws(RegexError) -> UInt32 {
        let start = i
        guard i + 1 < s.count else { throw RegexError(code: .trailingBackslash, expression: "") }
        let c = s[i + 1]
        i += 2
        switch c {
        case "1"..."7":
            guard i < s.count, ("0"..."7").contains(s[i]) else { throw fail(.invalidEscape, start, i) }
            return octal(first: c.value - 0x30)
        case "0":
            return octal(first: 0)
        case "x":
            guard i < s.count else { throw fail(.invalidEscape, start, i) }
            let d = s[i]
            i += 1
            if d == "{" {
                var v: UInt32 = 0, n = 0
                while true {
                    guard i < s.count else { throw fail(.invalidEscape, start, i) }
                    let h = s[i]
                    i += 1
                    if h == "}" { break }
                    guard let x = hex(h) else { throw fail(.invalidEscape, start, i) }
                    v = v * 16 + x
                    if v > CharClass.maxScalar { throw fail(.invalidEscape, start, i) }
                    n += 1
                }
                if n == 0 { throw fail(.invalidEscape, start, i) }
                return v
            }
            // Go reads both digits before checking either (the error shows both).
            guard i < s.count else { throw fail(.invalidEscape, start, i) }
            let e = s[i]
            i += 1
            guard let hi = hex(d), let lo = hex(e) else { throw fail(.invalidEscape, start, i) }
            return hi * 16 + lo
        case "a": return 0x07
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        default:
            if c.value < 0x80, !isASCIIAlnum(c) { return c.value }
            throw fail(.invalidEscape, start, i)
        }
    }

    private mutating func octal(first: UInt32) -> UInt32 {
        var v = first
        for _ in 1..<3 {
            guard i < s.count, ("0"..."7").contains(s[i]) else { break }
            v = v * 8 + (s[i].value - 0x30)
            i += 1
        }
        return v
    }

    private func hex(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: c.value - 0x30
        case 0x41...0x46: c.value - 0x41 + 10
        case 0x61...0x66: c.value - 0x61 + 10
        default: nil
        }
    }

    // MARK: classes

    private mutating func parseClass() throws(RegexError) -> CharClass {
        let start = i
        i += 1
        var negated = false
        if i < s.count, s[i] == "^" {
            negated = true
            i += 1
        }
        var ranges: [(UInt32, UInt32)] = []
        var first = true
        while i >= s.count || s[i] != "]" || first {
            first = false
            if i + 2 < s.count, s[i] == "[", s[i + 1] == ":", let named = try parseNamedClass() {
                ranges += named.pairs
                continue
            }
            if let c = try parseUnicodeClass() {
                ranges += c.pairs
                continue
            }
            if let c = parsePerlClass() {
                ranges += c.pairs
                continue
            }
            let rangeStart = i
            let lo = try classChar(start)
            var hi = lo
            if i + 1 < s.count, s[i] == "-", s[i + 1] != "]" {
                i += 1
                hi = try classChar(start)
                if hi < lo { throw fail(.invalidCharRange, rangeStart, i) }
            }
            if flags.foldCase {
                ranges += CharClass(ranges: [(lo, hi)]).caseFolded().pairs
            } else {
                ranges.append((lo, hi))
            }
        }
        i += 1
        let c = CharClass(ranges: ranges)
        return negated ? c.negated() : c
    }

    private mutating func classChar(_ classStart: Int) throws(RegexError) -> UInt32 {
        guard i < s.count else { throw fail(.missingBracket, classStart, s.count) }
        if s[i] == "\\" { return try parseEscape() }
        i += 1
        return s[i - 1].value
    }

    /// `[:alpha:]`, `[:^digit:]`; nil when no `:]` follows (then `[` is a literal).
    private mutating func parseNamedClass() throws(RegexError) -> CharClass? {
        var j = i + 2
        while j + 1 < s.count, !(s[j] == ":" && s[j + 1] == "]") { j += 1 }
        guard j + 1 < s.count else { return nil }
        let full = text(i, j + 2)
        var name = text(i + 2, j)
        var positive = true
        if name.hasPrefix("^") {
            positive = false
            name.removeFirst()
        }
        guard var c = UnicodeClasses.posix[name] else { throw RegexError(code: .invalidCharRange, expression: full) }
        if flags.foldCase { c = c.caseFolded() }
        i = j + 2
        return positive ? c : c.negated()
    }
}
