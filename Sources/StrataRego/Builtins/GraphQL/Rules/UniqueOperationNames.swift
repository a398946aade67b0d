/// Operation names are unique in a document.
struct UniqueOperationNames: GraphQLRule {
    private var seen: Set<String> = []

    mutating func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .operationEnd(let op, _) = event else { return }
        if !seen.insert(op.name).inserted {
            context.report("There can be only one operation named \"\(op.name)\".", at: op.position)
        }
    }
}
