import StrataRegoAST
/// A subscription selects exactly one top-level field, and not an introspection field.
struct SingleFieldSubscriptions: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .operationEnd(let op, _) = event, op.operation == "subscription", context.schema.root("subscription") != nil else { return }
        let fields = Self.topFields(op.selectionSet, context.fragments)
        let name = op.name.isEmpty ? "Anonymous Subscription" : "Subscription \(GoQuote.quote(op.name))"
        if fields.count > 1 { context.report("\(name) must select only one top level field.", at: fields[1].position) }
        for field in fields where field.name.hasPrefix("__") {
            context.report("\(name) must not select an introspection top level field.", at: field.position)
        }
    }

    /// Top-level fields through inline fragments and spreads, one per name.
    private static func topFields(_ selections: [GQLSelection], _ fragments: [String: GQLFragment]) -> [GQLField] {
        var out: [GQLField] = []
        var seenFields: Set<String> = [], seenFragments: Set<String> = []
        var stack = Array(selections.reversed())
        while let selection = stack.popLast() {
            switch selection {
            case .field(let f): if seenFields.insert(f.name).inserted { out.append(f) }
            case .inline(let i): stack.append(contentsOf: i.selectionSet.reversed())
            case .spread(let s):
                guard seenFragments.insert(s.name).inserted, let fragment = fragments[s.name] else { continue }
                stack.append(contentsOf: fragment.selectionSet.reversed())
            }
        }
        return out
    }
}
