/// A fragment must not spread itself, directly or through other fragments (graphql-js's algorithm).
struct NoFragmentCycles: GraphQLRule {
    private var visited: Set<String> = []
    private var path: [GQLFragmentSpread] = []
    private var pathIndex: [String: Int] = [:]

    mutating func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .fragmentEnd(let fragment, _) = event else { return }
        detect(fragment, &context)
    }

    private mutating func detect(_ fragment: GQLFragment, _ context: inout GraphQLRuleContext) {
        guard visited.insert(fragment.name).inserted, path.count < GraphQLLimits.maxDepth else { return }
        let spreads = Self.spreads(in: fragment.selectionSet)
        if spreads.isEmpty { return }
        pathIndex[fragment.name] = path.count
        for spread in spreads {
            path.append(spread)
            if let start = pathIndex[spread.name] {
                let cycle = path[start...]
                let via = cycle.dropLast().map { "\"\($0.name)\"" }.joined(separator: ", ")
                let message = "Cannot spread fragment \"\(spread.name)\" within itself" + (via.isEmpty ? "." : " via \(via).")
                context.report(message, at: cycle.first?.position ?? spread.position)
            } else if let next = context.fragments[spread.name] {
                detect(next, &context)
            }
            path.removeLast()
        }
        pathIndex[fragment.name] = nil
    }

    /// Spreads anywhere in a selection set, not following them into other fragments.
    static func spreads(in selections: [GQLSelection]) -> [GQLFragmentSpread] {
        var out: [GQLFragmentSpread] = []
        var stack = Array(selections.reversed())
        while let selection = stack.popLast() {
            switch selection {
            case .spread(let s): out.append(s)
            case .field(let f): stack.append(contentsOf: f.selectionSet.reversed())
            case .inline(let i): stack.append(contentsOf: i.selectionSet.reversed())
            }
        }
        return out
    }
}
