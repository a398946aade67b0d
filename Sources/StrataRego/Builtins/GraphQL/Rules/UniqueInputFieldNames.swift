/// An input object literal names each field once.
struct UniqueInputFieldNames: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .value(let tv) = event, tv.value.kind == .object else { return }
        var seen: Set<String> = []
        for child in tv.value.children where !seen.insert(child.name).inserted {
            context.report("There can be only one input field named \"\(child.name)\".", at: child.position)
        }
    }
}
