/// A shell-style glob over `/`-separated paths: `*` (no `/`), `**` (any depth, including
/// none), `?`, and `[...]` classes with `!`/`^` negation and ranges. Matching works on
/// Unicode scalars and is iterative with memoisation, so hostile patterns stay polynomial.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let tokens: [Token]
    /// Set for the most common shapes (`**/name`, `**/*.ext`, a plain literal): matched by comparing
    /// UTF-8 bytes, without building the scalar array the general matcher needs. Scans test a handful
    /// of such globs against every file.
    private let shortcut: Shortcut?

    enum Shortcut: Sendable, Hashable {
        /// The whole path equals the bytes.
        case exact([UInt8])
        /// `**/lit`: the path is `lit` or ends with `/lit` (`lit` has no `/`).
        case lastSegment([UInt8])
        /// `**/*lit`: the last segment ends with `lit` (`lit` has no `/`).
        case lastSegmentSuffix([UInt8])
        /// `lit/**`: the path starts with `lit` (which ends in `/`, as a trailing `**` follows one).
        case prefix([UInt8])
        /// `lit*`: the path starts with `lit` and has no `/` after it (rule-id patterns such as
        /// `aws-*`, and `*` alone).
        case segmentPrefix([UInt8])
    }

    enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case any            // ?
        case star           // *
        case globstar       // ** (as a whole path segment, with its trailing slash)
        case set([ClassItem], negated: Bool)
    }

    enum ClassItem: Sendable, Hashable {
        case scalar(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        self.tokens = Glob.tokenize(Array(pattern.unicodeScalars))
        self.shortcut = Glob.shortcut(tokens)
    }

    static func shortcut(_ tokens: [Token]) -> Shortcut? {
        if let last = tokens.last, last == .globstar || last == .star, let lit = literalBytes(tokens.dropLast()) {
            return last == .star ? .segmentPrefix(lit) : .prefix(lit)
        }
        var rest = tokens[...]
        let globstar = rest.first == .globstar
        if globstar { rest = rest.dropFirst() }
        let star = globstar && rest.first == .star
        if star { rest = rest.dropFirst() }
        guard let bytes = literalBytes(rest) else { return nil }
        if !globstar { return .exact(bytes) }
        if bytes.contains(UInt8(ascii: "/")) { return nil }
        if star { return .lastSegmentSuffix(bytes) }
        return bytes.isEmpty ? nil : .lastSegment(bytes)
    }

    /// The UTF-8 of a run of literal tokens; nil when any token is not a literal.
    private static func literalBytes(_ tokens: ArraySlice<Token>) -> [UInt8]? {
        var scalars = String.UnicodeScalarView()
        for token in tokens {
            guard case .literal(let c) = token else { return nil }
            scalars.append(c)
        }
        return Array(String(scalars).utf8)
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        guard let shortcut else { return matchesScalars(path) }
        var path = path
        return path.withUTF8 { p in
            switch shortcut {
            case .exact(let lit):
                return p.elementsEqual(lit)
            case .lastSegment(let lit):
                guard p.count >= lit.count, p[(p.count - lit.count)...].elementsEqual(lit) else { return false }
                return p.count == lit.count || p[p.count - lit.count - 1] == UInt8(ascii: "/")
            case .lastSegmentSuffix(let lit):
                guard p.count >= lit.count, p[(p.count - lit.count)...].elementsEqual(lit) else { return false }
                return true
            case .prefix(let lit):
                return p.count >= lit.count && p[..<lit.count].elementsEqual(lit)
            case .segmentPrefix(let lit):
                guard p.count >= lit.count, p[..<lit.count].elementsEqual(lit) else { return false }
                return !p[lit.count...].contains(UInt8(ascii: "/"))
            }
        }
    }

    /// The general matcher (the shortcuts' reference in tests).
    func matchesScalars(_ path: String) -> Bool {
        var matcher = GlobMatcher(tokens: tokens, text: Array(path.unicodeScalars))
        return matcher.run()
    }

    private static func tokenize(_ p: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case "*":
                if i + 1 < p.count, p[i + 1] == "*" {
                    let atStart = i == 0 || p[i - 1] == "/"
                    var j = i + 2
                    while j < p.count, p[j] == "*" { j += 1 }
                    if atStart, j == p.count || p[j] == "/" {
                        out.append(.globstar)
                        i = j < p.count ? j + 1 : j
                        continue
                    }
                    out.append(.star)
                    i = j
                    continue
                }
                out.append(.star)
            case "?":
                out.append(.any)
            case "[":
                if let (token, next) = parseClass(p, from: i) {
                    out.append(token)
                    i = next
                    continue
                }
                out.append(.literal(c))
            case "\\" where i + 1 < p.count:
                out.append(.literal(p[i + 1]))
                i += 1
            default:
                out.append(.literal(c))
            }
            i += 1
        }
        return out
    }

    private static func parseClass(_ p: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count, p[i] == "!" || p[i] == "^" {
            negated = true
            i += 1
        }
        var items: [ClassItem] = []
        var first = true
        while i < p.count {
            let c = p[i]
            if c == "]" && !first { return (.set(items, negated: negated), i + 1) }
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                items.append(.range(c, p[i + 2]))
                i += 3
            } else {
                items.append(.scalar(c))
                i += 1
            }
        }
        return nil
    }
}

/// Backtracking matcher with a visited set over (token, text) positions: each state is tried
/// once, which bounds the work by tokens × text length.
struct GlobMatcher {
    let tokens: [Glob.Token]
    let text: [Unicode.Scalar]
    private var failed: Set<Int> = []

    init(tokens: [Glob.Token], text: [Unicode.Scalar]) {
        self.tokens = tokens
        self.text = text
    }

    mutating func run() -> Bool { match(0, 0) }

    private mutating func match(_ ti: Int, _ si: Int) -> Bool {
        let key = ti &* (text.count + 1) &+ si
        if failed.contains(key) { return false }
        let result = step(ti, si)
        if !result { failed.insert(key) }
        return result
    }

    private mutating func step(_ ti: Int, _ si: Int) -> Bool {
        guard ti < tokens.count else { return si == text.count }
        switch tokens[ti] {
        case .literal(let c):
            return si < text.count && text[si] == c && match(ti + 1, si + 1)
        case .any:
            return si < text.count && text[si] != "/" && match(ti + 1, si + 1)
        case .set(let items, let negated):
            guard si < text.count, text[si] != "/" else { return false }
            return Self.classMatches(items, text[si]) != negated && match(ti + 1, si + 1)
        case .star:
            var j = si
            while true {
                if match(ti + 1, j) { return true }
                if j >= text.count || text[j] == "/" { return false }
                j += 1
            }
        case .globstar:
            // Zero segments, or skip whole segments ending in `/`.
            if match(ti + 1, si) { return true }
            var j = si
            while j < text.count {
                if text[j] == "/", match(ti + 1, j + 1) { return true }
                j += 1
            }
            return ti + 1 == tokens.count
        }
    }

    private static func classMatches(_ items: [Glob.ClassItem], _ c: Unicode.Scalar) -> Bool {
        items.contains { item in
            switch item {
            case .scalar(let s): s == c
            case .range(let lo, let hi): lo.value <= c.value && c.value <= hi.value
            }
        }
    }
}
