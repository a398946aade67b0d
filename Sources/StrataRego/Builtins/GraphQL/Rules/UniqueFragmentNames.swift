/// Fragment names are unique in a document.
struct UniqueFragmentNames: GraphQLRule {
    private var seen: Set<String> = []

    mutating func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .fragmentEnd(let fragment, _) = event else { return }
        if !seen.insert(fragment.name).inserted {
            context.report("There can be only one fragment named \"\(fragment.name)\".", at: fragment.position)
        }
    }
}
