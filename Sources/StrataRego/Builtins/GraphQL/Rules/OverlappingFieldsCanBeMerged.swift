/// Fields answering to the same response name must be mergeable: same field and arguments (unless
/// their parents are different object types) and compatible result shapes, recursively. A simpler
/// form of graphql-js's algorithm, with a comparison budget so hostile documents cannot make it quadratic.
struct OverlappingFieldsCanBeMerged: GraphQLRule {
    private var budget = 20_000

    struct Collected {
        var field: GQLField
        var parent: GQLDefinition?
        var responseName: String { field.alias.isEmpty ? field.name : field.alias }
    }

    mutating func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        switch event {
        case .operationEnd(let op, _):
            check(op.selectionSet, context.schema.root(op.operation.isEmpty ? "query" : op.operation), &context)
        case .field(let field, _, let def?) where !field.selectionSet.isEmpty:
            check(field.selectionSet, context.schema.types[def.type.name], &context)
        case .inlineFragment(let inline, let parent):
            check(inline.selectionSet, inline.typeCondition.isEmpty ? parent : context.schema.types[inline.typeCondition], &context)
        case .fragmentEnd(let fragment, let def):
            check(fragment.selectionSet, def, &context)
        default: return
        }
    }

    private mutating func check(_ selections: [GQLSelection], _ parent: GQLDefinition?, _ context: inout GraphQLRuleContext) {
        guard budget > 0 else { return }
        let fields = Self.collect(selections, parent, context)
        var groups: [String: [Collected]] = [:]
        var order: [String] = []
        for f in fields {
            if groups[f.responseName] == nil { order.append(f.responseName) }
            groups[f.responseName, default: []].append(f)
        }
        for name in order {
            let group = groups[name]!
            for j in group.indices.dropFirst() {
                for i in 0..<j {
                    guard budget > 0 else { return }
                    budget -= 1
                    if let reason = conflict(group[i], group[j], exclusive: false, depth: 0, context) {
                        context.report("Fields \"\(name)\" conflict because \(reason). Use different aliases on the fields to fetch both if this was intentional.",
                                       at: group[j].field.position)
                    }
                }
            }
        }
    }

    private mutating func conflict(_ a: Collected, _ b: Collected, exclusive outer: Bool, depth: Int, _ context: GraphQLRuleContext) -> String? {
        let exclusive = outer || (a.parent?.name != b.parent?.name && a.parent?.kind == .object && b.parent?.kind == .object)
        if !exclusive {
            if a.field.name != b.field.name { return "\"\(a.field.name)\" and \"\(b.field.name)\" are different fields" }
            if !Self.sameArguments(a.field.arguments, b.field.arguments) { return "they have differing arguments" }
        }
        let defA = a.parent.flatMap { context.schema.field($0, a.field.name) }
        let defB = b.parent.flatMap { context.schema.field($0, b.field.name) }
        if let ta = defA?.type, let tb = defB?.type, Self.typesConflict(ta, tb, context.schema) {
            return "they return conflicting types \"\(ta.text)\" and \"\(tb.text)\""
        }
        guard depth < 32, !a.field.selectionSet.isEmpty, !b.field.selectionSet.isEmpty else { return nil }
        let subA = Self.collect(a.field.selectionSet, defA.flatMap { context.schema.types[$0.type.name] }, context)
        let subB = Self.collect(b.field.selectionSet, defB.flatMap { context.schema.types[$0.type.name] }, context)
        var reasons: [String] = []
        for x in subA {
            for y in subB where x.responseName == y.responseName {
                guard budget > 0 else { break }
                budget -= 1
                if let reason = conflict(x, y, exclusive: exclusive, depth: depth + 1, context) {
                    reasons.append("subfields \"\(x.responseName)\" conflict because \(reason)")
                }
            }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: " and ")
    }

    /// Fields of a selection set with their parent types, through inline fragments and spreads.
    static func collect(_ selections: [GQLSelection], _ parent: GQLDefinition?, _ context: GraphQLRuleContext) -> [Collected] {
        var out: [Collected] = []
        var seenFragments: Set<String> = []
        var stack: [(GQLSelection, GQLDefinition?)] = selections.reversed().map { ($0, parent) }
        while let (selection, parent) = stack.popLast() {
            switch selection {
            case .field(let f): out.append(Collected(field: f, parent: parent))
            case .inline(let i):
                let type = i.typeCondition.isEmpty ? parent : context.schema.types[i.typeCondition]
                stack.append(contentsOf: i.selectionSet.reversed().map { ($0, type) })
            case .spread(let s):
                guard seenFragments.insert(s.name).inserted, let fragment = context.fragments[s.name] else { continue }
                let type = context.schema.types[fragment.typeCondition]
                stack.append(contentsOf: fragment.selectionSet.reversed().map { ($0, type) })
            }
        }
        return out
    }

    private static func sameArguments(_ a: [GQLArgument], _ b: [GQLArgument]) -> Bool {
        guard a.count == b.count else { return false }
        return a.allSatisfy { x in b.contains { $0.name == x.name && print($0.value) == print(x.value) } }
    }

    private static func print(_ v: GQLValue) -> String {
        "\(v.kind.rawValue):\(v.raw)(" + v.children.map { "\($0.name)=\(print($0.value))" }.joined(separator: ",") + ")"
    }

    private static func typesConflict(_ a: GQLType, _ b: GQLType, _ schema: GraphQLSchema) -> Bool {
        switch (a, b) {
        case (.list(let x, let nx), .list(let y, let ny)): return nx != ny || typesConflict(x, y, schema)
        case (.list, .named), (.named, .list): return true
        case (.named(let x, let nx), .named(let y, let ny)):
            if nx != ny { return true }
            let leaf = (schema.types[x]?.isLeaf ?? false) || (schema.types[y]?.isLeaf ?? false)
            return leaf && x != y
        }
    }
}
