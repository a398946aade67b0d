/// A field must exist on its parent type; suggests inline fragments on abstract types, or similar names.
struct FieldsOnCorrectType: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .field(let field, let parent?, nil) = event else { return }
        var message = "Cannot query field \"\(field.name)\" on type \"\(parent.name)\"."
        let types = suggestedTypes(parent, field.name, context.schema)
        if !types.isEmpty {
            message += " Did you mean to use an inline fragment on \(GraphQLSuggestions.quotedOrList(types))?"
        } else {
            message += GraphQLSuggestions.suffix("Did you mean", field.name, parent.fields.map(\.name))
        }
        context.report(message, at: field.position)
    }

    /// For interfaces and unions: the possible types (and their interfaces) that do have the field.
    private func suggestedTypes(_ parent: GQLDefinition, _ name: String, _ schema: GraphQLSchema) -> [String] {
        guard parent.isAbstract else { return [] }
        var counts: [String: Int] = [:]
        for type in schema.possible(parent) where schema.field(type, name) != nil {
            counts[type.name, default: 0] += 1
            for intf in type.interfaces where schema.types[intf].flatMap({ schema.field($0, name) }) != nil { counts[intf, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
