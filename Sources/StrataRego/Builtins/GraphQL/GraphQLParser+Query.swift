/// Executable documents: operations, fragments, selections, values, types.
extension GraphQLParser {
    mutating func queryDocument() throws(GraphQLError) -> GQLQueryDocument {
        var doc = GQLQueryDocument()
        while peek().kind != .eof {
            let token = peek()
            switch (token.kind, token.value) {
            case (.name, "query"), (.name, "mutation"), (.name, "subscription"), (.braceL, _):
                doc.operations.append(try operationDefinition())
            case (.name, "fragment"):
                doc.fragments.append(try fragmentDefinition())
            default:
                throw unexpected()
            }
        }
        return doc
    }

    mutating func operationDefinition() throws(GraphQLError) -> GQLOperation {
        var op = GQLOperation(position: peek().position)
        if peek().kind == .braceL {
            op.operation = "query"
            op.selectionSet = try requiredSelectionSet()
            return op
        }
        op.operation = try operationType()
        if peek().kind == .name { op.name = try next().value }
        op.variableDefinitions = try variableDefinitions()
        op.directives = try directives(const: false)
        op.selectionSet = try requiredSelectionSet()
        return op
    }

    mutating func operationType() throws(GraphQLError) -> String {
        let token = try next()
        guard ["query", "mutation", "subscription"].contains(token.value) else { throw unexpected(token) }
        return token.value
    }

    mutating func variableDefinitions() throws(GraphQLError) -> [GQLVariableDefinition] {
        var defs: [GQLVariableDefinition] = []
        try many(.parenL, .parenR) { (p) throws(GraphQLError) in defs.append(try p.variableDefinition()) }
        return defs
    }

    mutating func variableDefinition() throws(GraphQLError) -> GQLVariableDefinition {
        var def = GQLVariableDefinition(position: peek().position)
        def.variable = try variable()
        try expect(.colon)
        def.type = try typeReference()
        if try skip(.equals) { def.defaultValue = try valueLiteral(const: true) }
        def.directives = try directives(const: false)
        return def
    }

    mutating func variable() throws(GraphQLError) -> String {
        try expect(.dollar)
        return try name()
    }

    mutating func requiredSelectionSet() throws(GraphQLError) -> [GQLSelection] {
        guard peek().kind == .braceL else {
            throw fail(peek(), "Expected {, found \(peek().kind.rawValue)")
        }
        return try selectionSet()
    }

    mutating func selectionSet() throws(GraphQLError) -> [GQLSelection] {
        try nested { (p) throws(GraphQLError) in
            var selections: [GQLSelection] = []
            try p.some(.braceL, .braceR) { (p) throws(GraphQLError) in selections.append(try p.selection()) }
            return selections
        }
    }

    mutating func selection() throws(GraphQLError) -> GQLSelection {
        if peek().kind == .spread { return try fragment() }
        return .field(try field())
    }

    mutating func field() throws(GraphQLError) -> GQLField {
        var field = GQLField(position: peek().position)
        field.alias = try name()
        field.name = try skip(.colon) ? try name() : field.alias
        field.arguments = try arguments(const: false)
        field.directives = try directives(const: false)
        if peek().kind == .braceL { field.selectionSet = try selectionSet() }
        return field
    }

    mutating func arguments(const: Bool) throws(GraphQLError) -> [GQLArgument] {
        var args: [GQLArgument] = []
        try many(.parenL, .parenR) { (p) throws(GraphQLError) in
            var arg = GQLArgument(position: p.peek().position)
            arg.name = try p.name()
            try p.expect(.colon)
            arg.value = try p.valueLiteral(const: const)
            args.append(arg)
        }
        return args
    }

    mutating func fragment() throws(GraphQLError) -> GQLSelection {
        try expect(.spread)
        let token = peek()
        if token.kind == .name, token.value != "on" {
            var spread = GQLFragmentSpread(position: token.position)
            spread.name = try fragmentName()
            spread.directives = try directives(const: false)
            return .spread(spread)
        }
        var inline = GQLInlineFragment(position: token.position)
        if token.value == "on" {
            try next()
            inline.typeCondition = try name()
        }
        inline.directives = try directives(const: false)
        inline.selectionSet = try requiredSelectionSet()
        return .inline(inline)
    }

    mutating func fragmentDefinition() throws(GraphQLError) -> GQLFragment {
        var def = GQLFragment(position: peek().position)
        try expectKeyword("fragment")
        def.name = try fragmentName()
        def.variableDefinition = try variableDefinitions()
        try expectKeyword("on")
        def.typeCondition = try name()
        def.directives = try directives(const: false)
        def.selectionSet = try requiredSelectionSet()
        return def
    }

    mutating func fragmentName() throws(GraphQLError) -> String {
        if peek().value == "on" { throw unexpected() }
        return try name()
    }

    mutating func directives(const: Bool) throws(GraphQLError) -> [GQLDirective] {
        var result: [GQLDirective] = []
        while peek().kind == .at {
            try expect(.at)
            var directive = GQLDirective(position: peek().position)
            directive.name = try name()
            directive.arguments = try arguments(const: const)
            result.append(directive)
        }
        return result
    }

    mutating func typeReference() throws(GraphQLError) -> GQLType {
        try nested { (p) throws(GraphQLError) in
            var type: GQLType
            if try p.skip(.bracketL) {
                let elem = try p.typeReference()
                try p.expect(.bracketR)
                type = .list(elem, nonNull: false)
            } else {
                type = .named(try p.name(), nonNull: false)
            }
            if try p.skip(.bang) {
                switch type {
                case .named(let n, _): type = .named(n, nonNull: true)
                case .list(let e, _): type = .list(e, nonNull: true)
                }
            }
            return type
        }
    }
}
