/// An executable document, shaped like gqlparser's `ast.QueryDocument` (field names are the JSON keys).
struct GQLQueryDocument: Sendable {
    var operations: [GQLOperation] = []
    var fragments: [GQLFragment] = []

    /// First fragment of each name (later duplicates are reported by UniqueFragmentNames).
    var fragmentsByName: [String: GQLFragment] {
        Dictionary(fragments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

struct GQLOperation: Sendable {
    var operation = ""
    var name = ""
    var variableDefinitions: [GQLVariableDefinition] = []
    var directives: [GQLDirective] = []
    var selectionSet: [GQLSelection] = []
    var position = GraphQLPosition.none
}

struct GQLVariableDefinition: Sendable {
    var variable = ""
    var type = GQLType.named("", nonNull: false)
    var defaultValue: GQLValue?
    var directives: [GQLDirective] = []
    var position = GraphQLPosition.none
}

struct GQLFragment: Sendable {
    var name = ""
    var variableDefinition: [GQLVariableDefinition] = []
    var typeCondition = ""
    var directives: [GQLDirective] = []
    var selectionSet: [GQLSelection] = []
    var position = GraphQLPosition.none
}

enum GQLSelection: Sendable {
    case field(GQLField)
    case spread(GQLFragmentSpread)
    case inline(GQLInlineFragment)
}

struct GQLField: Sendable {
    var alias = ""
    var name = ""
    var arguments: [GQLArgument] = []
    var directives: [GQLDirective] = []
    var selectionSet: [GQLSelection] = []
    var position = GraphQLPosition.none
}

struct GQLFragmentSpread: Sendable {
    var name = ""
    var directives: [GQLDirective] = []
    var position = GraphQLPosition.none
}

struct GQLInlineFragment: Sendable {
    var typeCondition = ""
    var directives: [GQLDirective] = []
    var selectionSet: [GQLSelection] = []
    var position = GraphQLPosition.none
}

struct GQLArgument: Sendable {
    var name = ""
    var value = GQLValue()
    var position = GraphQLPosition.none
}

struct GQLDirective: Sendable {
    var name = ""
    var arguments: [GQLArgument] = []
    /// Filled in by validation in gqlparser; always "" in the ASTs OPA returns.
    var location = ""
    var position = GraphQLPosition.none
}

/// A literal or variable; `kind` numbers follow gqlparser's `ValueKind`.
struct GQLValue: Sendable {
    enum Kind: Int, Sendable {
        case variable = 0, int, float, string, block, boolean, null, enumValue, list, object
    }
    var raw = ""
    var children: [GQLChildValue] = []
    var kind = Kind.variable
    var position = GraphQLPosition.none
}

struct GQLChildValue: Sendable {
    var name = ""
    var value = GQLValue()
    var position = GraphQLPosition.none
}

/// A type reference: `Name`, `[Elem]`, either possibly `!`.
indirect enum GQLType: Sendable, Equatable {
    case named(String, nonNull: Bool)
    case list(GQLType, nonNull: Bool)

    var nonNull: Bool {
        switch self { case .named(_, let n), .list(_, let n): return n }
    }

    /// The innermost named type.
    var name: String {
        switch self { case .named(let n, _): return n; case .list(let e, _): return e.name }
    }

    var elem: GQLType? {
        if case .list(let e, _) = self { return e }
        return nil
    }

    var nullable: GQLType {
        switch self { case .named(let n, _): return .named(n, nonNull: false); case .list(let e, _): return .list(e, nonNull: false) }
    }

    /// GraphQL notation: `[String!]!`.
    var text: String {
        switch self {
        case .named(let n, let nn): return n + (nn ? "!" : "")
        case .list(let e, let nn): return "[\(e.text)]" + (nn ? "!" : "")
        }
    }
}
