/// What the walker reports, in gqlparser's traversal order (children before their parent).
enum GraphQLEvent {
    case operationStart(GQLOperation)
    case variable(GQLVariableDefinition, GQLDefinition?)
    /// After the operation's selections; `used` holds the variables referenced in it (fragments included).
    case operationEnd(GQLOperation, used: Set<String>)
    case fragmentEnd(GQLFragment, GQLDefinition?)
    case field(GQLField, parent: GQLDefinition?, definition: GQLFieldDefinition?)
    case inlineFragment(GQLInlineFragment, parent: GQLDefinition?)
    case fragmentSpread(GQLFragmentSpread, parent: GQLDefinition?, fragment: GQLFragment?)
    case directive(GQLDirective, location: String, definition: GQLDirectiveDefinition?)
    case directives([GQLDirective], location: String)
    case value(GraphQLTypedValue)
}

/// A value with what its position expects: the type, that type's definition, and the variable it names.
struct GraphQLTypedValue {
    var value: GQLValue
    var expected: GQLType?
    var definition: GQLDefinition?
    /// The argument or input field at this position has a default.
    var expectedHasDefault = false
    var variable: GQLVariableDefinition?
    var inOperation: GQLOperation?
}

/// Walks operations (following fragment spreads once per operation), then each fragment on its own.
struct GraphQLWalker {
    let schema: GraphQLSchema
    let document: GQLQueryDocument
    private var operation: GQLOperation?
    private var visitedSpreads: Set<String> = []
    private var used: Set<String> = []
    private var depth = 0, steps = 0
    /// Set when a hostile document (deep fragment chains, huge fan-out) hits a walking limit.
    private(set) var limitError: GraphQLError?
    private let emit: (GraphQLEvent) -> Void
    private let fragments: [String: GQLFragment]

    init(schema: GraphQLSchema, document: GQLQueryDocument, emit: @escaping (GraphQLEvent) -> Void) {
        self.schema = schema
        self.document = document
        self.emit = emit
        fragments = document.fragmentsByName
    }

    mutating func walk() {
        for op in document.operations {
            visitedSpreads = []
            used = []
            walkOperation(op)
        }
        for fragment in document.fragments {
            visitedSpreads = []
            let def = schema.types[fragment.typeCondition]
            walkDirectives(fragment.directives, location: "FRAGMENT_DEFINITION")
            walkSelections(fragment.selectionSet, parent: def)
            emit(.fragmentEnd(fragment, def))
        }
    }

    private static let rootLocations = ["query": "QUERY", "mutation": "MUTATION", "subscription": "SUBSCRIPTION"]

    private mutating func walkOperation(_ op: GQLOperation) {
        operation = op
        defer { operation = nil }
        emit(.operationStart(op))
        for v in op.variableDefinitions { emit(.variable(v, schema.types[v.type.name])) }
        let root = schema.root(op.operation.isEmpty ? "query" : op.operation)
        for v in op.variableDefinitions {
            if let d = v.defaultValue {
                walkValue(GraphQLTypedValue(value: d, expected: v.type, definition: schema.types[v.type.name]))
            }
            walkDirectives(v.directives, location: "VARIABLE_DEFINITION")
        }
        walkDirectives(op.directives, location: Self.rootLocations[op.operation] ?? "QUERY")
        walkSelections(op.selectionSet, parent: root)
        emit(.operationEnd(op, used: used))
    }

    private mutating func walkDirectives(_ dirs: [GQLDirective], location: String) {
        for dir in dirs {
            let def = schema.directives[dir.name]
            for arg in dir.arguments {
                let argDef = def?.arguments.first { $0.name == arg.name }
                walkValue(typed(arg.value, argDef?.type, hasDefault: argDef?.defaultValue != nil))
            }
            var located = dir
            located.location = location
            emit(.directive(located, location: location, definition: def))
        }
        emit(.directives(dirs, location: location))
    }

    private func typed(_ value: GQLValue, _ type: GQLType?, hasDefault: Bool) -> GraphQLTypedValue {
        GraphQLTypedValue(value: value, expected: type, definition: type.flatMap { schema.types[$0.name] }, expectedHasDefault: hasDefault)
    }

    private mutating func walkValue(_ typedValue: GraphQLTypedValue) {
        var tv = typedValue
        tv.inOperation = operation
        if tv.value.kind == .variable, let op = operation {
            tv.variable = op.variableDefinitions.first { $0.variable == tv.value.raw }
            if tv.variable != nil { used.insert(tv.value.raw) }
        }
        for child in tv.value.children {
            switch tv.value.kind {
            case .object:
                let fieldDef = tv.definition.flatMap { schema.field($0, child.name) }
                var childValue = child.value
                if childValue.position == .none { childValue.position = child.position }
                walkValue(typed(childValue, fieldDef?.type, hasDefault: fieldDef?.defaultValue != nil))
            default:
                var element = GraphQLTypedValue(value: child.value)
                if let elem = tv.expected?.elem {
                    element.expected = elem
                    element.definition = tv.definition
                }
                walkValue(element)
            }
        }
        emit(.value(tv))
    }

    private mutating func walkSelections(_ selections: [GQLSelection], parent: GQLDefinition?) {
        depth += 1
        steps += selections.count
        defer { depth -= 1 }
        guard limitError == nil else { return }
        if depth > GraphQLLimits.maxWalkDepth || steps > GraphQLLimits.maxWalkSteps {
            let position = selections.first.map(Self.position) ?? .none
            limitError = GraphQLError("validation exceeds the limit of \(GraphQLLimits.maxWalkDepth) nested selection sets or \(GraphQLLimits.maxWalkSteps) selections visited", at: position)
            return
        }
        for selection in selections {
            switch selection {
            case .field(let field): walkField(field, parent: parent)
            case .inline(let inline):
                let next = inline.typeCondition.isEmpty ? parent : schema.types[inline.typeCondition]
                walkDirectives(inline.directives, location: "INLINE_FRAGMENT")
                walkSelections(inline.selectionSet, parent: next)
                emit(.inlineFragment(inline, parent: parent))
            case .spread(let spread): walkSpread(spread, parent: parent)
            }
        }
    }

    private static func position(_ selection: GQLSelection) -> GraphQLPosition {
        switch selection {
        case .field(let f): return f.position
        case .spread(let s): return s.position
        case .inline(let i): return i.position
        }
    }

    private static let typename = GQLFieldDefinition(name: "__typename", type: .named("String", nonNull: true))

    private mutating func walkField(_ field: GQLField, parent: GQLDefinition?) {
        let def = field.name == "__typename" ? Self.typename : parent.flatMap { schema.field($0, field.name) }
        let next = def.flatMap { schema.types[$0.type.name] }
        for arg in field.arguments {
            let argDef = def?.arguments.first { $0.name == arg.name }
            walkValue(typed(arg.value, argDef?.type, hasDefault: argDef?.defaultValue != nil))
        }
        walkDirectives(field.directives, location: "FIELD")
        walkSelections(field.selectionSet, parent: next)
        emit(.field(field, parent: parent, definition: def))
    }

    private mutating func walkSpread(_ spread: GQLFragmentSpread, parent: GQLDefinition?) {
        let fragment = fragments[spread.name]
        let next = fragment.flatMap { schema.types[$0.typeCondition] }
        walkDirectives(spread.directives, location: "FRAGMENT_SPREAD")
        if let fragment, !visitedSpreads.contains(fragment.name) {
            // Each fragment once per operation: stops cycles and repeated work.
            visitedSpreads.insert(fragment.name)
            walkSelections(fragment.selectionSet, parent: next)
        }
        emit(.fragmentSpread(spread, parent: parent, fragment: fragment))
    }
}
