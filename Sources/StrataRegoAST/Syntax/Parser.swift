/// A recursive-descent parser for Rego v1 (and v0 with `ParserOptions.v0Compatible`).
/// Nesting is bounded by `ParserOptions.maxDepth`, so hostile input yields an error, not a crash.
public struct Parser {
    var tokens: [Token]
    var index = 0
    var newlineSkipping = 0
    var depth = 0
    var wildcardCounter = 0
    /// Mutable: `import rego.v1` switches a v0-compatible parse to v1 rules for the rest of the module, as in OPA.
    var options: ParserOptions
    let file: String
    var comments: [Comment]
    /// Extra rules from v0 multi-body definitions (`p { a } { b }`).
    var pendingRules: [Rule] = []
    /// Set by `import future.keywords.not` / `import future.keywords`: negations are evaluated whole.
    var wholeNegation = false

    init(source: String, file: String, options: ParserOptions) throws(RegoError) {
        var lexer = Lexer(source: source, file: file)
        self.tokens = try lexer.tokenize()
        self.comments = lexer.comments
        self.options = options
        self.file = file
    }

    /// Parses a module from UTF-8 bytes; invalid UTF-8 is a `rego_parse_error`.
    public static func parseModule(bytes: [UInt8], file: String, options: ParserOptions = ParserOptions()) throws(RegoError) -> Module {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RegoError(.parse, "invalid UTF-8 in module", at: Location(file: file))
        }
        return try parseModule(text, file: file, options: options)
    }

    public static func parseModule(_ source: String, file: String, options: ParserOptions = ParserOptions()) throws(RegoError) -> Module {
        var parser = try Parser(source: source, file: file, options: options)
        return try parser.module()
    }

    /// Parses a query: a body of expressions separated by newlines or `;`.
    public static func parseQuery(_ source: String, file: String = "", options: ParserOptions = ParserOptions()) throws(RegoError) -> [Expr] {
        var parser = try Parser(source: source, file: file, options: options)
        let body = try parser.bodyExprs(until: nil)
        guard parser.peek().kind == .eof else { throw parser.error("unexpected \(parser.describe(parser.peek()))") }
        guard !body.isEmpty else { throw parser.error("empty query") }
        return body
    }

    /// Parses a single term (used for `input_term` and tests).
    public static func parseTerm(_ source: String, options: ParserOptions = ParserOptions()) throws(RegoError) -> Term {
        var parser = try Parser(source: source, file: "", options: options)
        parser.skipNewlines()
        let term = try parser.term()
        parser.skipNewlines()
        guard parser.peek().kind == .eof else { throw parser.error("unexpected \(parser.describe(parser.peek()))") }
        return term
    }

    // MARK: token helpers

    mutating func peek() -> Token {
        if newlineSkipping > 0 { while tokens[index].kind == .newline { index += 1 } }
        return tokens[index]
    }

    mutating func peekAhead(_ n: Int) -> Token {
        _ = peek()
        var i = index, seen = 0
        while i < tokens.count - 1 {
            i += 1
            if newlineSkipping > 0, tokens[i].kind == .newline { continue }
            seen += 1
            if seen == n { break }
        }
        return tokens[min(i, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let t = peek()
        if t.kind != .eof { index += 1 }
        return t
    }

    mutating func skipNewlines() { while tokens[index].kind == .newline { index += 1 } }

    mutating func accept(_ punct: String) -> Bool {
        if peek().isPunct(punct) { advance(); return true }
        return false
    }

    mutating func expect(_ punct: String) throws(RegoError) {
        guard accept(punct) else { throw error("expected \(punct) but found \(describe(peek()))") }
    }

    mutating func error(_ message: String) -> RegoError { RegoError(.parse, message, at: peek().location) }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of input"
        case .newline: return "newline"
        case .string, .rawString: return "string"
        default: return "\(t.text)"
        }
    }

    mutating func nest<T>(_ body: (inout Parser) throws(RegoError) -> T) throws(RegoError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= options.maxDepth else { throw error("nesting depth exceeds limit of \(options.maxDepth)") }
        return try body(&self)
    }

    mutating func withNewlines<T>(skipping: Bool, _ body: (inout Parser) throws(RegoError) -> T) throws(RegoError) -> T {
        let saved = newlineSkipping
        newlineSkipping = skipping ? saved + 1 : 0
        defer { newlineSkipping = saved }
        return try body(&self)
    }

    mutating func freshWildcard() -> String {
        wildcardCounter += 1
        return "$_\(wildcardCounter)"
    }
}
