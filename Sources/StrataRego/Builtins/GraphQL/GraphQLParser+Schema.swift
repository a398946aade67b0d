/// Type-system documents (SDL): definitions, extensions, schema and directive definitions.
extension GraphQLParser {
    static let directiveLocations: Set<String> = [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ]

    private static let typeKeywords: [String: GQLDefinition.Kind] = [
        "scalar": .scalar, "type": .object, "interface": .interface, "union": .union, "enum": .enumType, "input": .inputObject,
    ]

    mutating func schemaDocument() throws(GraphQLError) -> GQLSchemaDocument {
        var doc = GQLSchemaDocument()
        while peek().kind != .eof {
            let description = try descriptionIfAny()
            guard peek().kind == .name else { throw unexpected() }
            let word = peek().value
            if let kind = Self.typeKeywords[word] {
                doc.definitions.append(try typeDefinition(kind, description: description))
            } else if word == "schema" {
                doc.schema.append(try schemaDefinition(description: description, extending: false))
            } else if word == "directive" {
                doc.directives.append(try directiveDefinition(description: description))
            } else if word == "extend" {
                if !description.isEmpty { throw unexpected(prev) }
                try extensionDefinition(into: &doc)
            } else {
                throw unexpected()
            }
        }
        return doc
    }

    mutating func descriptionIfAny() throws(GraphQLError) -> String {
        let kind = peek().kind
        guard kind == .string || kind == .blockString else { return "" }
        return try next().value
    }

    private mutating func typeDefinition(_ kind: GQLDefinition.Kind, description: String) throws(GraphQLError) -> GQLDefinition {
        try next()
        var def = GQLDefinition(kind: kind, description: description, position: peek().position)
        def.name = try name()
        try typeBody(&def, extending: false)
        return def
    }

    /// The part after the name, shared by definitions and extensions.
    private mutating func typeBody(_ def: inout GQLDefinition, extending: Bool) throws(GraphQLError) {
        switch def.kind {
        case .scalar:
            def.directives = try directives(const: true)
        case .object, .interface:
            if def.kind == .object || !extending { def.interfaces = try implementsInterfaces() }
            def.directives = try directives(const: true)
            def.fields = try fieldsDefinition()
        case .union:
            def.directives = try directives(const: true)
            def.types = try unionMembers()
        case .enumType:
            def.directives = try directives(const: true)
            try some(.braceL, .braceR) { (p) throws(GraphQLError) in
                var value = GQLEnumValueDefinition(position: p.peek().position)
                value.description = try p.descriptionIfAny()
                value.name = try p.name()
                value.directives = try p.directives(const: true)
                def.enumValues.append(value)
            }
        case .inputObject:
            def.directives = try directives(const: !extending)
            try some(.braceL, .braceR) { (p) throws(GraphQLError) in def.fields.append(try p.inputValueDefinition()) }
        }
    }

    private mutating func implementsInterfaces() throws(GraphQLError) -> [String] {
        guard peek().value == "implements" else { return [] }
        try next()
        _ = try skip(.amp)
        var types = [try name()]
        while try skip(.amp) { types.append(try name()) }
        return types
    }

    private mutating func unionMembers() throws(GraphQLError) -> [String] {
        guard try skip(.equals) else { return [] }
        _ = try skip(.pipe)
        var types = [try name()]
        while try skip(.pipe) { types.append(try name()) }
        return types
    }

    private mutating func fieldsDefinition() throws(GraphQLError) -> [GQLFieldDefinition] {
        var fields: [GQLFieldDefinition] = []
        try some(.braceL, .braceR) { (p) throws(GraphQLError) in
            var field = GQLFieldDefinition(position: p.peek().position)
            field.description = try p.descriptionIfAny()
            field.name = try p.name()
            field.arguments = try p.argumentDefinitions()
            try p.expect(.colon)
            field.type = try p.typeReference()
            field.directives = try p.directives(const: true)
            fields.append(field)
        }
        return fields
    }

    mutating func argumentDefinitions() throws(GraphQLError) -> [GQLArgumentDefinition] {
        var args: [GQLArgumentDefinition] = []
        try some(.parenL, .parenR) { (p) throws(GraphQLError) in
            let input = try p.inputValueDefinition()
            args.append(GQLArgumentDefinition(description: input.description, name: input.name, defaultValue: input.defaultValue,
                                              type: input.type, directives: input.directives, position: input.position))
        }
        return args
    }

    private mutating func inputValueDefinition() throws(GraphQLError) -> GQLFieldDefinition {
        var def = GQLFieldDefinition(position: peek().position)
        def.description = try descriptionIfAny()
        def.name = try name()
        try expect(.colon)
        def.type = try typeReference()
        if try skip(.equals) { def.defaultValue = try valueLiteral(const: true) }
        def.directives = try directives(const: true)
        return def
    }

    private mutating func schemaDefinition(description: String, extending: Bool) throws(GraphQLError) -> GQLSchemaDefinition {
        try expectKeyword("schema")
        var def = GQLSchemaDefinition(description: description, position: peek().position)
        def.directives = try directives(const: true)
        try some(.braceL, .braceR) { (p) throws(GraphQLError) in
            var op = GQLOperationType(position: p.peek().position)
            op.operation = try p.operationType()
            try p.expect(.colon)
            op.type = try p.name()
            def.operationTypes.append(op)
        }
        if extending, def.directives.isEmpty, def.operationTypes.isEmpty { throw unexpected() }
        return def
    }

    private mutating func extensionDefinition(into doc: inout GQLSchemaDocument) throws(GraphQLError) {
        try expectKeyword("extend")
        let word = peek().value
        if word == "schema" {
            doc.schemaExtension.append(try schemaDefinition(description: "", extending: true))
            return
        }
        guard let kind = Self.typeKeywords[word] else { throw unexpected() }
        try next()
        var def = GQLDefinition(kind: kind, position: peek().position)
        def.name = try name()
        try typeBody(&def, extending: true)
        let empty = def.directives.isEmpty && def.interfaces.isEmpty && def.fields.isEmpty && def.types.isEmpty && def.enumValues.isEmpty
        if empty { throw unexpected() }
        doc.extensions.append(def)
    }

    private mutating func directiveDefinition(description: String) throws(GraphQLError) -> GQLDirectiveDefinition {
        try expectKeyword("directive")
        try expect(.at)
        var def = GQLDirectiveDefinition(description: description, position: peek().position)
        def.name = try name()
        def.arguments = try argumentDefinitions()
        if peek().kind == .name, peek().value == "repeatable" {
            def.isRepeatable = true
            try next()
        }
        try expectKeyword("on")
        _ = try skip(.pipe)
        def.locations = [try directiveLocation()]
        while try skip(.pipe) { def.locations.append(try directiveLocation()) }
        return def
    }

    private mutating func directiveLocation() throws(GraphQLError) -> String {
        let token = try expect(.name)
        guard Self.directiveLocations.contains(token.value) else { throw unexpected(token) }
        return token.value
    }
}
