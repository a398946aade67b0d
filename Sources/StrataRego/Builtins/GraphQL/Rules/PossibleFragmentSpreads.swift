/// A fragment may only be spread where its type can overlap the parent type.
struct PossibleFragmentSpreads: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .inlineFragment(let inline, let parent?):
            if !Self.canOverlap(parent, inline.typeCondition, context.schema) {
                context.report("Fragment cannot be spread here as objects of type \"\(parent.name)\" can never be of type \"\(inline.typeCondition)\".",
                               at: inline.position)
            }
        case .fragmentSpread(let spread, let parent?, let fragment?):
            if !Self.canOverlap(parent, fragment.typeCondition, context.schema) {
                context.report("Fragment \"\(spread.name)\" cannot be spread here as objects of type \"\(parent.name)\" can never be of type \"\(fragment.typeCondition)\".",
                               at: spread.position)
            }
        default: return
        }
    }

    /// True when unknown or not applicable (other rules report those cases).
    private static func canOverlap(_ parent: GQLDefinition, _ typeName: String, _ schema: GraphQLSchema) -> Bool {
        let parents: [GQLDefinition]
        switch parent.kind {
        case .object: parents = [parent]
        case .interface, .union: parents = schema.possible(parent)
        default: return true
        }
        guard let type = schema.types[typeName], type.isComposite else { return true }
        let names = Set(parents.map(\.name))
        return schema.possible(type).contains { names.contains($0.name) }
    }
}
