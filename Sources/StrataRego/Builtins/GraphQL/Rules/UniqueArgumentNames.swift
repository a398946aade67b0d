/// An argument name appears once per field or directive.
struct UniqueArgumentNames: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .field(let field, _, _): Self.check(field.arguments, &context)
        case .directive(let dir, _, _): Self.check(dir.arguments, &context)
        default: return
        }
    }

    private static func check(_ args: [GQLArgument], _ context: inout GraphQLRuleContext) {
        var seen: Set<String> = []
        for arg in args where !seen.insert(arg.name).inserted {
            context.report("There can be only one argument named \"\(arg.name)\".", at: arg.position)
        }
    }
}
