/// Non-null arguments without defaults must be given, on fields and on directives.
struct ProvidedRequiredArguments: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .field(let field, _, let def?):
            for arg in Self.missing(def.arguments, given: field.arguments) {
                context.report("Field \"\(field.name)\" argument \"\(arg.name)\" of type \"\(arg.type.text)\" is required, but it was not provided.",
                               at: field.position)
            }
        case .directive(let dir, _, let def?):
            for arg in Self.missing(def.arguments, given: dir.arguments) {
                context.report("Directive \"@\(def.name)\" argument \"\(arg.name)\" of type \"\(arg.type.text)\" is required, but it was not provided.",
                               at: dir.position)
            }
        default: return
        }
    }

    private static func missing(_ defs: [GQLArgumentDefinition], given: [GQLArgument]) -> [GQLArgumentDefinition] {
        defs.filter { def in def.type.nonNull && def.defaultValue == nil && !given.contains { $0.name == def.name } }
    }
}
