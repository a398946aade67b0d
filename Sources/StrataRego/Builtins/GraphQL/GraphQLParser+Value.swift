/// Value literals: scalars, enums, variables, lists and input objects.
extension GraphQLParser {
    private static let nameKinds: [String: GQLValue.Kind] = ["true": .boolean, "false": .boolean, "null": .null]
    private static let tokenKinds: [GraphQLTokenKind: GQLValue.Kind] = [
        .int: .int, .float: .float, .string: .string, .blockString: .block,
    ]

    mutating func valueLiteral(const: Bool) throws(GraphQLError) -> GQLValue {
        try nested { (p) throws(GraphQLError) in try p.valueBody(const: const) }
    }

    private mutating func valueBody(const: Bool) throws(GraphQLError) -> GQLValue {
        let token = peek()
        switch token.kind {
        case .bracketL:
            var list = GQLValue(kind: .list, position: token.position)
            try many(.bracketL, .bracketR) { (p) throws(GraphQLError) in
                list.children.append(GQLChildValue(value: try p.valueLiteral(const: const), position: p.prev.position))
            }
            return list
        case .braceL:
            var object = GQLValue(kind: .object, position: token.position)
            try many(.braceL, .braceR) { (p) throws(GraphQLError) in
                var child = GQLChildValue(position: p.peek().position)
                child.name = try p.name()
                try p.expect(.colon)
                child.value = try p.valueLiteral(const: const)
                object.children.append(child)
            }
            return object
        case .dollar:
            if const { throw unexpected() }
            return GQLValue(raw: try variable(), kind: .variable, position: token.position)
        case .name:
            try next()
            return GQLValue(raw: token.value, kind: Self.nameKinds[token.value] ?? .enumValue, position: token.position)
        default:
            guard let kind = Self.tokenKinds[token.kind] else { throw unexpected() }
            try next()
            return GQLValue(raw: token.value, kind: kind, position: token.position)
        }
    }
}
