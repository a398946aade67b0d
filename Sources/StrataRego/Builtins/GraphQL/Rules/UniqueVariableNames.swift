/// An operation defines each variable once.
struct UniqueVariableNames: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .operationEnd(let op, _) = event else { return }
        var seen: Set<String> = []
        for v in op.variableDefinitions where !seen.insert(v.variable).inserted {
            context.report("There can be only one variable named \"$\(v.variable)\".", at: v.position)
        }
    }
}
