/// Variables must have input types (scalars, enums, input objects).
struct VariablesAreInputTypes: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .operationEnd(let op, _) = event else { return }
        for v in op.variableDefinitions {
            guard let def = context.schema.types[v.type.name], !def.isInput else { continue }
            context.report("Variable \"$\(v.variable)\" cannot be non-input type \"\(v.type.text)\".", at: v.position)
        }
    }
}
