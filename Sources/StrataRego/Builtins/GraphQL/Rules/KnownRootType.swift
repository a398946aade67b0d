/// The schema must define a root type for the operation (`mutation` needs a mutation type).
struct KnownRootType: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .operationEnd(let op, _) = event else { return }
        if context.schema.root(op.operation.isEmpty ? "query" : op.operation) == nil {
            context.report("Schema does not support operation type \"\(op.operation)\"", at: op.position)
        }
    }
}
