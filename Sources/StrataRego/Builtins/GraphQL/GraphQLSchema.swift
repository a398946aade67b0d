/// A validated schema: types and directives by name, root operation types, and which concrete
/// types each abstract type can be (gqlparser's `ValidateSchemaDocument`, prelude merged first).
struct GraphQLSchema: Sendable {
    var types: [String: GQLDefinition] = [:]
    var directives: [String: GQLDirectiveDefinition] = [:]
    var roots: [String: String] = [:]
    /// Abstract type → types that implement or belong to it, in declaration order.
    var possibleTypes: [String: [String]] = [:]
    /// Type → field name → index in `fields`, so lookups stay linear on hostile schemas.
    var fieldIndex: [String: [String: Int]] = [:]

    static let builtinDirectives: Set<String> = ["include", "skip", "deprecated", "specifiedBy"]

    /// Merges the prelude with `document` and validates the result.
    static func build(_ document: GQLSchemaDocument) throws(GraphQLError) -> GraphQLSchema {
        var merged = GraphQLPrelude.document
        merged.merge(document)
        var schema = GraphQLSchema()
        try schema.load(merged)
        return schema
    }

    /// The field `name` of `def` (first definition wins, as gqlparser's `ForName`).
    func field(_ def: GQLDefinition, _ name: String) -> GQLFieldDefinition? {
        guard let index = fieldIndex[def.name] else { return def.field(name) }
        return index[name].map { def.fields[$0] }
    }

    private mutating func indexFields() {
        for (name, def) in types {
            var index: [String: Int] = [:]
            for (i, field) in def.fields.enumerated() where index[field.name] == nil { index[field.name] = i }
            fieldIndex[name] = index
        }
    }

    func root(_ operation: String) -> GQLDefinition? { roots[operation].flatMap { types[$0] } }

    /// Concrete (or interface) types a value of `def` may be at run time.
    func possible(_ def: GQLDefinition) -> [GQLDefinition] {
        let names = def.kind == .union ? def.types : possibleTypes[def.name] ?? []
        return names.compactMap { types[$0] }
    }

    private mutating func load(_ doc: GQLSchemaDocument) throws(GraphQLError) {
        var order: [String] = []
        for def in doc.definitions {
            if types[def.name] != nil { throw GraphQLError("Cannot redeclare type \(def.name).", at: def.position) }
            types[def.name] = def
            order.append(def.name)
        }
        for ext in doc.extensions { try extend(with: ext, order: &order) }
        for name in order { if let def = types[name] { addPossibleTypes(of: def) } }
        for dir in doc.directives {
            if directives[dir.name] != nil {
                // SDL may restate the built-in directives; the first definition wins.
                if Self.builtinDirectives.contains(dir.name) { continue }
                throw GraphQLError("Cannot redeclare directive \(dir.name).", at: dir.position)
            }
            directives[dir.name] = dir
        }
        if doc.schema.count > 1 {
            throw GraphQLError("Cannot have multiple schema entry points, consider schema extensions instead.", at: doc.schema[1].position)
        }
        for entry in (doc.schema.first?.operationTypes ?? []) + doc.schemaExtension.flatMap(\.operationTypes) {
            guard types[entry.type] != nil else {
                throw GraphQLError("Schema root \(entry.operation) refers to a type \(entry.type) that does not exist.", at: entry.position)
            }
            roots[entry.operation] = entry.type
        }
        indexFields()
        try validateTypeDefinitions()
        try validateDirectiveDefinitions()
        if doc.schema.isEmpty {
            for (operation, name) in [("query", "Query"), ("mutation", "Mutation"), ("subscription", "Subscription")]
            where roots[operation] == nil && types[name] != nil {
                roots[operation] = name
            }
        }
        addIntrospectionFields()
    }

    /// Extensions of missing types create them (gqlparser allows this for federation-style schemas).
    private mutating func extend(with ext: GQLDefinition, order: inout [String]) throws(GraphQLError) {
        var def = types[ext.name] ?? GQLDefinition(kind: ext.kind, name: ext.name, position: ext.position)
        if types[ext.name] == nil { order.append(ext.name) }
        if def.kind != ext.kind {
            throw GraphQLError("Cannot extend type \(ext.name) because the base type is a \(def.kind.rawValue), not \(ext.kind.rawValue).", at: ext.position)
        }
        def.directives += ext.directives
        def.interfaces += ext.interfaces
        def.fields += ext.fields
        def.types += ext.types
        def.enumValues += ext.enumValues
        types[ext.name] = def
    }

    private mutating func addPossibleTypes(of def: GQLDefinition) {
        switch def.kind {
        case .union:
            for member in def.types where types[member] != nil { possibleTypes[def.name, default: []].append(member) }
        case .object, .inputObject, .interface:
            for intf in def.interfaces { possibleTypes[intf, default: []].append(def.name) }
            if def.kind != .interface { possibleTypes[def.name, default: []].append(def.name) }
        default: break
        }
    }

    /// `__schema` and `__type(name:)` on the query root, added after validation as gqlparser does.
    private mutating func addIntrospectionFields() {
        guard let name = roots["query"], var query = types[name] else { return }
        query.fields.append(GQLFieldDefinition(name: "__schema", type: .named("__Schema", nonNull: true)))
        query.fields.append(GQLFieldDefinition(name: "__type", arguments: [GQLArgumentDefinition(name: "name", type: .named("String", nonNull: true))],
                                               type: .named("__Type", nonNull: false)))
        types[name] = query
        indexFields()
    }
}
