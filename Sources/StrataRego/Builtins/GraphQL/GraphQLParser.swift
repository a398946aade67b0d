import StrataRegoAST
/// A recursive-descent parser for GraphQL documents with gqlparser's messages. The first error
/// stops parsing (gqlparser keeps going but reports only its first error, so the result is the same).
struct GraphQLParser {
    private var lexer: GraphQLLexer
    private var peeked: (GraphQLToken, GraphQLError?)?
    private(set) var prev = GraphQLToken(kind: .eof, value: "", position: .none)
    private var depth = 0

    init(_ text: String) { lexer = GraphQLLexer(text) }

    static func parseQuery(_ text: String) throws(GraphQLError) -> GQLQueryDocument {
        var parser = GraphQLParser(text)
        return try parser.queryDocument()
    }

    static func parseSchema(_ text: String) throws(GraphQLError) -> GQLSchemaDocument {
        var parser = GraphQLParser(text)
        return try parser.schemaDocument()
    }

    mutating func peek() -> GraphQLToken {
        if let peeked { return peeked.0 }
        let read = lexer.next()
        peeked = read
        return read.0
    }

    @discardableResult
    mutating func next() throws(GraphQLError) -> GraphQLToken {
        let (token, error) = peeked ?? lexer.next()
        peeked = nil
        prev = token
        if let error { throw error }
        return token
    }

    func fail(_ token: GraphQLToken, _ message: String) -> GraphQLError { GraphQLError(message, at: token.position) }

    mutating func unexpected() -> GraphQLError { unexpected(peek()) }

    func unexpected(_ token: GraphQLToken) -> GraphQLError { fail(token, "Unexpected \(token.description)") }

    @discardableResult
    mutating func expect(_ kind: GraphQLTokenKind) throws(GraphQLError) -> GraphQLToken {
        let token = peek()
        guard token.kind == kind else { throw fail(token, "Expected \(kind.rawValue), found \(token.kind.rawValue)") }
        return try next()
    }

    mutating func expectKeyword(_ word: String) throws(GraphQLError) {
        let token = peek()
        guard token.kind == .name, token.value == word else {
            throw fail(token, "Expected \(GoQuote.quote(word)), found \(token.description)")
        }
        try next()
    }

    mutating func skip(_ kind: GraphQLTokenKind) throws(GraphQLError) -> Bool {
        guard peek().kind == kind else { return false }
        try next()
        return true
    }

    mutating func name() throws(GraphQLError) -> String { try expect(.name).value }

    /// `start item* end`, or nothing when `start` is absent.
    mutating func many(_ start: GraphQLTokenKind, _ end: GraphQLTokenKind, _ item: (inout GraphQLParser) throws(GraphQLError) -> Void) throws(GraphQLError) {
        guard try skip(start) else { return }
        while peek().kind != end { try item(&self) }
        try next()
    }

    /// `start item+ end`, or nothing when `start` is absent.
    mutating func some(_ start: GraphQLTokenKind, _ end: GraphQLTokenKind, _ item: (inout GraphQLParser) throws(GraphQLError) -> Void) throws(GraphQLError) {
        guard try skip(start) else { return }
        if peek().kind == end {
            throw fail(peek(), "expected at least one definition, found \(peek().kind.rawValue)")
        }
        while peek().kind != end { try item(&self) }
        try next()
    }

    /// Guards recursion on hostile nesting.
    mutating func nested<T>(_ body: (inout GraphQLParser) throws(GraphQLError) -> T) throws(GraphQLError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > GraphQLLimits.maxDepth {
            throw fail(peek(), "document nesting exceeds the maximum depth of \(GraphQLLimits.maxDepth)")
        }
        return try body(&self)
    }
}
