/// Fragments may only condition on objects, interfaces and unions.
struct FragmentsOnCompositeTypes: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .inlineFragment(let inline, _):
            guard let type = context.schema.types[inline.typeCondition], !type.isComposite else { return }
            context.report("Fragment cannot condition on non composite type \"\(inline.typeCondition)\".", at: inline.position)
        case .fragmentEnd(let fragment, let type?) where !fragment.typeCondition.isEmpty && !type.isComposite:
            context.report("Fragment \"\(fragment.name)\" cannot condition on non composite type \"\(fragment.typeCondition)\".", at: fragment.position)
        default: return
        }
    }
}
