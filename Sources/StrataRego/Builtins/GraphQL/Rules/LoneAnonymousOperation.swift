/// An anonymous operation must be the document's only operation.
struct LoneAnonymousOperation: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .operationEnd(let op, _) = event, op.name.isEmpty, context.document.operations.count > 1 else { return }
        context.report("This anonymous operation must be the only defined operation.", at: op.position)
    }
}
