/// Spreads must name a fragment defined in the document.
struct KnownFragmentNames: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .fragmentSpread(let spread, _, nil) = event else { return }
        context.report("Unknown fragment \"\(spread.name)\".", at: spread.position)
    }
}
