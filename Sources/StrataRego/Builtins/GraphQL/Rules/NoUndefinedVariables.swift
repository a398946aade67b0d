/// Variables used inside an operation (and the fragments it spreads) must be defined by it.
struct NoUndefinedVariables: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .value(let tv) = event, let op = tv.inOperation, tv.value.kind == .variable, tv.variable == nil else { return }
        let name = "$" + tv.value.raw
        let message = op.name.isEmpty ? "Variable \"\(name)\" is not defined." : "Variable \"\(name)\" is not defined by operation \"\(op.name)\"."
        context.report(message, at: tv.value.position)
    }
}
