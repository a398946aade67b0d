/// Every fragment must be spread by some operation. As in gqlparser, spreads count until the
/// first fragment has been walked on its own.
struct NoUnusedFragments: GraphQLRule {
    private var used: Set<String> = []
    private var inFragments = false

    mutating func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .fragmentSpread(let spread, _, _) where !inFragments:
            used.insert(spread.name)
        case .fragmentEnd(let fragment, _):
            inFragments = true
            if !used.contains(fragment.name) {
                context.report("Fragment \"\(fragment.name)\" is never used.", at: fragment.position)
            }
        default: return
        }
    }
}
