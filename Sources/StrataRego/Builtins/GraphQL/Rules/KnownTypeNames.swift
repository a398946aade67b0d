/// Variable types and type conditions must name types of the schema.
struct KnownTypeNames: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .variable(let v, nil):
            context.report("Unknown type \"\(v.type.name)\".", at: v.position)
        case .inlineFragment(let inline, _) where !inline.typeCondition.isEmpty && context.schema.types[inline.typeCondition] == nil:
            context.report("Unknown type \"\(inline.typeCondition)\".", at: inline.position)
        case .fragmentEnd(let fragment, nil):
            let names = Array(context.schema.types.keys)
            context.report("Unknown type \"\(fragment.typeCondition)\"."
                           + GraphQLSuggestions.suffix("Did you mean", fragment.typeCondition, names), at: fragment.position)
        default: return
        }
    }
}
