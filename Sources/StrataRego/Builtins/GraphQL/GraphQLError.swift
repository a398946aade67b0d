/// A GraphQL parse or validation failure at a 1-based line and column (in Unicode scalars, as gqlparser counts).
struct GraphQLError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int

    init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    init(_ message: String, at position: GraphQLPosition) {
        self.init(message, line: position.line, column: position.column)
    }

    /// gqlparser's `Error()` rendering (`input:L:C: message`), which OPA then re-slices.
    var rendered: String { line > 0 ? "input:\(line):\(column): \(message)" : "input: \(message)" }

    /// OPA's wrapping of a parse error.
    var parseMessage: String { line > 0 ? "\(message) in GraphQL string at location \(line):\(column)" : message }
}

/// Where a token or node starts.
struct GraphQLPosition: Sendable, Equatable {
    var line: Int
    var column: Int
    static let none = GraphQLPosition(line: 0, column: 0)
}

/// Bounds that keep hostile documents from exhausting memory or the stack.
enum GraphQLLimits {
    /// Largest query or schema text accepted (bytes).
    static let maxInputBytes = 1 << 20
    /// Deepest nesting of selection sets, values and type references.
    static let maxDepth = 256
    /// Selection sets nested through fragment spreads, and selections visited, while validating.
    static let maxWalkDepth = 1_000
    static let maxWalkSteps = 100_000
}
