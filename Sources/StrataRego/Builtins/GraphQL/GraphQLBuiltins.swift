import StrataRegoAST

/// `graphql.*`: parse GraphQL queries and schemas into gqlparser-shaped ASTs and validate queries
/// against schemas, with OPA's results and messages.
enum GraphQLBuiltins {
    static let builtins: [Builtin] = [
        .unary("graphql.parse_query") { (q) throws(BuiltinError) in
            let text = try q.string(1)
            return try wrap { () throws(GraphQLError) in try GraphQLDocuments.parseQuery(text).encoded }
        },
        .unary("graphql.parse_schema") { (s) throws(BuiltinError) in
            let text = try s.string(1)
            return try wrap { () throws(GraphQLError) in try GraphQLDocuments.parseSchema(text).encoded }
        },
        .binary("graphql.parse") { (q, s) throws(BuiltinError) in
            let (query, schema) = (try operand(q, 1), try operand(s, 2))
            let checked = try wrap { () throws(GraphQLError) in try GraphQLDocuments.check(query: query, schema: schema) }
            return .array([checked.query.encoded, checked.schema.encoded])
        },
        .binary("graphql.parse_and_verify") { (q, s) throws(BuiltinError) in
            guard let checked = try? GraphQLDocuments.check(query: q, schema: s) else { return .array([.bool(false), .emptyObject, .emptyObject]) }
            return .array([.bool(true), checked.query.encoded, checked.schema.encoded])
        },
        .binary("graphql.is_valid") { (q, s) throws(BuiltinError) in
            .bool((try? GraphQLDocuments.check(query: q, schema: s)) != nil)
        },
        .unary("graphql.schema_is_valid") { (s) throws(BuiltinError) in
            .bool((try? GraphQLSchema.build(GraphQLDocuments.schema(s))) != nil)
        },
    ]

    private static func operand(_ v: Value, _ index: Int) throws(BuiltinError) -> Value {
        switch v {
        case .string, .object: return v
        default: throw v.operandError(index, "one of {string, object}")
        }
    }

    private static func wrap<T>(_ body: () throws(GraphQLError) -> T) throws(BuiltinError) -> T {
        do { return try body() } catch { throw BuiltinError(error.message) }
    }
}

/// The steps the builtins share, each failing with the message OPA would give.
enum GraphQLDocuments {
    static func checkSize(_ text: String) throws(GraphQLError) {
        let size = text.utf8.count
        if size > GraphQLLimits.maxInputBytes {
            throw GraphQLError("GraphQL input of \(size) bytes exceeds the limit of \(GraphQLLimits.maxInputBytes) bytes", line: 0, column: 0)
        }
    }

    static func parseQuery(_ text: String) throws(GraphQLError) -> GQLQueryDocument {
        try checkSize(text)
        do { return try GraphQLParser.parseQuery(text) } catch { throw GraphQLError(error.parseMessage, line: 0, column: 0) }
    }

    static func parseSchema(_ text: String) throws(GraphQLError) -> GQLSchemaDocument {
        try checkSize(text)
        do { return try GraphQLParser.parseSchema(text) } catch { throw GraphQLError(error.parseMessage, line: 0, column: 0) }
    }

    static func query(_ v: Value) throws(GraphQLError) -> GQLQueryDocument {
        if case .string(let s) = v { return try parseQuery(s) }
        return try GraphQLDecode.query(v)
    }

    static func schema(_ v: Value) throws(GraphQLError) -> GQLSchemaDocument {
        if case .string(let s) = v { return try parseSchema(s) }
        return try GraphQLDecode.schema(v)
    }

    /// Parses both documents, builds the schema and validates the query against it.
    static func check(query q: Value, schema s: Value) throws(GraphQLError) -> (query: GQLQueryDocument, schema: GQLSchemaDocument) {
        let query = try query(q)
        let schemaDoc = try schema(s)
        let built: GraphQLSchema
        do { built = try GraphQLSchema.build(schemaDoc) } catch {
            throw GraphQLError("Error in gqlparser SchemaDocument to Schema conversion: \(error.rendered)", line: 0, column: 0)
        }
        let errors = GraphQLValidator.validate(query, against: built)
        if !errors.isEmpty { throw GraphQLError(validationMessage(errors), line: 0, column: 0) }
        return (query, schemaDoc)
    }

    /// OPA splits gqlparser's list rendering at the first three colons and trims the final ".\n".
    static func validationMessage(_ errors: [GraphQLError]) -> String {
        let rendered = errors.map { $0.rendered + "\n" }.joined()
        let parts = rendered.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return rendered }
        var message = String(parts[3].drop { $0 == " " })
        if message.hasSuffix(".\n") { message.removeLast(2) }
        return "\(message) in GraphQL query string at location \(parts[1]):\(parts[2])"
    }
}
