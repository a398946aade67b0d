/// Leaf fields (scalars, enums) take no selections; other fields need them.
struct ScalarLeafs: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .field(let field, _, let def?) = event, let type = context.schema.types[def.type.name] else { return }
        if type.isLeaf, !field.selectionSet.isEmpty {
            context.report("Field \"\(field.name)\" must not have a selection since type \"\(type.name)\" has no subfields.", at: field.position)
        }
        if !type.isLeaf, field.selectionSet.isEmpty {
            context.report("Field \"\(field.name)\" of type \"\(def.type.text)\" must have a selection of subfields. Did you mean \"\(field.name) { ... }\"?",
                           at: field.position)
        }
    }
}
