/// Arguments must be defined by their field or directive.
struct KnownArgumentNames: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .field(let field, let parent?, let def?):
            let names = def.arguments.map(\.name)
            for arg in field.arguments where !names.contains(arg.name) {
                context.report("Unknown argument \"\(arg.name)\" on field \"\(parent.name).\(field.name)\"."
                               + GraphQLSuggestions.suffix("Did you mean", arg.name, names), at: field.position)
            }
        case .directive(let dir, _, let def?):
            let names = def.arguments.map(\.name)
            for arg in dir.arguments where !names.contains(arg.name) {
                context.report("Unknown argument \"\(arg.name)\" on directive \"@\(dir.name)\"."
                               + GraphQLSuggestions.suffix("Did you mean", arg.name, names), at: dir.position)
            }
        default: return
        }
    }
}
