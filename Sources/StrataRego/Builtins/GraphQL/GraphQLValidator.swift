/// Validates an executable document against a schema: the walker reports each node once (in
/// gqlparser's order) to every rule of `GraphQLRules.all`, which collect errors.
enum GraphQLValidator {
    static func validate(_ document: GQLQueryDocument, against schema: GraphQLSchema) -> [GraphQLError] {
        let state = GraphQLValidationState(context: GraphQLRuleContext(schema: schema, document: document), rules: GraphQLRules.all)
        var walker = GraphQLWalker(schema: schema, document: document) { event in state.dispatch(event) }
        walker.walk()
        if let limit = walker.limitError { return [limit] }
        return state.context.errors
    }
}

/// What rules see besides the event: the schema, the whole document, and the errors so far.
struct GraphQLRuleContext {
    let schema: GraphQLSchema
    let document: GQLQueryDocument
    let fragments: [String: GQLFragment]
    var errors: [GraphQLError] = []

    init(schema: GraphQLSchema, document: GQLQueryDocument) {
        self.schema = schema
        self.document = document
        fragments = document.fragmentsByName
    }

    mutating func report(_ message: String, at position: GraphQLPosition) {
        errors.append(GraphQLError(message, at: position))
    }
}

/// One validation rule (gqlparser's `validator/rules/*.go`, rewritten): it watches events and reports.
protocol GraphQLRule {
    mutating func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext)
}

/// The rules and context of one validation run, shared with the walker's callback.
private final class GraphQLValidationState {
    var context: GraphQLRuleContext
    var rules: [any GraphQLRule]

    init(context: GraphQLRuleContext, rules: [any GraphQLRule]) {
        self.context = context
        self.rules = rules
    }

    func dispatch(_ event: GraphQLEvent) {
        for i in rules.indices { rules[i].visit(event, &context) }
    }
}
