import StrataRegoAST

/// Typed AST from AST objects (see `GraphQLObjectReader`).
enum GraphQLDecode {
    static func query(_ value: Value) throws(GraphQLError) -> GQLQueryDocument {
        let r = try GraphQLObjectReader(value, path: "QueryDocument")
        return GQLQueryDocument(operations: try r.list("Operations", operation), fragments: try r.list("Fragments", fragment))
    }

    static func schema(_ value: Value) throws(GraphQLError) -> GQLSchemaDocument {
        let r = try GraphQLObjectReader(value, path: "SchemaDocument")
        return GQLSchemaDocument(schema: try r.list("Schema", schemaDefinition), schemaExtension: try r.list("SchemaExtension", schemaDefinition),
                                 directives: try r.list("Directives", directiveDefinition), definitions: try r.list("Definitions", definition),
                                 extensions: try r.list("Extensions", definition))
    }

    static func operation(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLOperation {
        GQLOperation(operation: try r.string("Operation"), name: try r.string("Name"),
                     variableDefinitions: try r.list("VariableDefinitions", variableDefinition),
                     directives: try r.list("Directives", directive), selectionSet: try r.list("SelectionSet", selection))
    }

    static func fragment(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLFragment {
        GQLFragment(name: try r.string("Name"), variableDefinition: try r.list("VariableDefinition", variableDefinition),
                    typeCondition: try r.string("TypeCondition"), directives: try r.list("Directives", directive),
                    selectionSet: try r.list("SelectionSet", selection))
    }

    static func variableDefinition(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLVariableDefinition {
        GQLVariableDefinition(variable: try r.string("Variable"), type: try type(r.object("Type")),
                              defaultValue: try r.object("DefaultValue").map(value), directives: try r.list("Directives", directive))
    }

    /// OPA's decoder reads every selection as a field.
    static func selection(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLSelection {
        .field(GQLField(alias: try r.string("Alias"), name: try r.string("Name"), arguments: try r.list("Arguments", argument),
                        directives: try r.list("Directives", directive), selectionSet: try r.list("SelectionSet", selection)))
    }

    static func argument(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLArgument {
        GQLArgument(name: try r.string("Name"), value: try r.object("Value").map(value) ?? GQLValue())
    }

    static func directive(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLDirective {
        GQLDirective(name: try r.string("Name"), arguments: try r.list("Arguments", argument), location: try r.string("Location"))
    }

    static func value(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLValue {
        let code = try r.int("Kind")
        guard let kind = GQLValue.Kind(rawValue: code) else {
            throw GraphQLError("unknown value kind \(code)", line: 0, column: 0)
        }
        let children = try r.list("Children") { (c) throws(GraphQLError) in
            GQLChildValue(name: try c.string("Name"), value: try c.object("Value").map(value) ?? GQLValue())
        }
        return GQLValue(raw: try r.string("Raw"), children: children, kind: kind)
    }

    static func type(_ r: GraphQLObjectReader?) throws(GraphQLError) -> GQLType {
        guard let r else { return .named("", nonNull: false) }
        let nonNull = try r.bool("NonNull")
        if let elem = try r.object("Elem") { return .list(try type(elem), nonNull: nonNull) }
        return .named(try r.string("NamedType"), nonNull: nonNull)
    }

    static func schemaDefinition(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLSchemaDefinition {
        let ops = try r.list("OperationTypes") { (o) throws(GraphQLError) in
            GQLOperationType(operation: try o.string("Operation"), type: try o.string("Type"))
        }
        return GQLSchemaDefinition(description: try r.string("Description"), directives: try r.list("Directives", directive), operationTypes: ops)
    }

    static func definition(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLDefinition {
        let kindText = try r.string("Kind")
        // An unknown kind still decodes in Go (it is a string type); validation then rejects it.
        let kind = GQLDefinition.Kind(rawValue: kindText) ?? .scalar
        let enumValues = try r.list("EnumValues") { (e) throws(GraphQLError) in
            GQLEnumValueDefinition(description: try e.string("Description"), name: try e.string("Name"), directives: try e.list("Directives", directive))
        }
        return GQLDefinition(kind: kind, description: try r.string("Description"), name: try r.string("Name"),
                             directives: try r.list("Directives", directive), interfaces: try r.strings("Interfaces"),
                             fields: try r.list("Fields", fieldDefinition), types: try r.strings("Types"), enumValues: enumValues,
                             builtIn: try r.bool("BuiltIn"))
    }

    static func fieldDefinition(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLFieldDefinition {
        GQLFieldDefinition(description: try r.string("Description"), name: try r.string("Name"),
                           arguments: try r.list("Arguments", argumentDefinition), defaultValue: try r.object("DefaultValue").map(value),
                           type: try type(r.object("Type")), directives: try r.list("Directives", directive))
    }

    static func argumentDefinition(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLArgumentDefinition {
        GQLArgumentDefinition(description: try r.string("Description"), name: try r.string("Name"),
                              defaultValue: try r.object("DefaultValue").map(value), type: try type(r.object("Type")),
                              directives: try r.list("Directives", directive))
    }

    static func directiveDefinition(_ r: GraphQLObjectReader) throws(GraphQLError) -> GQLDirectiveDefinition {
        GQLDirectiveDefinition(description: try r.string("Description"), name: try r.string("Name"),
                               arguments: try r.list("Arguments", argumentDefinition), locations: try r.strings("Locations"),
                               isRepeatable: try r.bool("IsRepeatable"))
    }
}
