/// Every variable an operation defines must be used in it or in the fragments it spreads.
struct NoUnusedVariables: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .operationEnd(let op, let used) = event else { return }
        for v in op.variableDefinitions where !used.contains(v.variable) {
            let message = op.name.isEmpty
                ? "Variable \"$\(v.variable)\" is never used."
                : "Variable \"$\(v.variable)\" is never used in operation \"\(op.name)\"."
            context.report(message, at: v.position)
        }
    }
}
