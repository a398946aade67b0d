/// A type-system document, shaped like gqlparser's `ast.SchemaDocument`.
struct GQLSchemaDocument: Sendable {
    var schema: [GQLSchemaDefinition] = []
    var schemaExtension: [GQLSchemaDefinition] = []
    var directives: [GQLDirectiveDefinition] = []
    var definitions: [GQLDefinition] = []
    var extensions: [GQLDefinition] = []

    mutating func merge(_ other: GQLSchemaDocument) {
        schema += other.schema
        schemaExtension += other.schemaExtension
        directives += other.directives
        definitions += other.definitions
        extensions += other.extensions
    }
}

struct GQLSchemaDefinition: Sendable {
    var description = ""
    var directives: [GQLDirective] = []
    var operationTypes: [GQLOperationType] = []
    var position = GraphQLPosition.none
}

struct GQLOperationType: Sendable {
    var operation = ""
    var type = ""
    var position = GraphQLPosition.none
}

/// Scalar, object, interface, union, enum or input object (and their extensions).
struct GQLDefinition: Sendable {
    enum Kind: String, Sendable {
        case scalar = "SCALAR", object = "OBJECT", interface = "INTERFACE", union = "UNION", enumType = "ENUM"
        case inputObject = "INPUT_OBJECT"
    }
    var kind = Kind.scalar
    var description = ""
    var name = ""
    var directives: [GQLDirective] = []
    var interfaces: [String] = []
    var fields: [GQLFieldDefinition] = []
    var types: [String] = []
    var enumValues: [GQLEnumValueDefinition] = []
    var builtIn = false
    var position = GraphQLPosition.none

    var isLeaf: Bool { kind == .enumType || kind == .scalar }
    var isAbstract: Bool { kind == .interface || kind == .union }
    var isComposite: Bool { kind == .object || kind == .interface || kind == .union }
    var isInput: Bool { kind == .scalar || kind == .enumType || kind == .inputObject }

    func field(_ name: String) -> GQLFieldDefinition? { fields.first { $0.name == name } }
}

/// A field of an object or interface, or an input field (`defaultValue` only there).
struct GQLFieldDefinition: Sendable {
    var description = ""
    var name = ""
    var arguments: [GQLArgumentDefinition] = []
    var defaultValue: GQLValue?
    var type = GQLType.named("", nonNull: false)
    var directives: [GQLDirective] = []
    var position = GraphQLPosition.none
}

struct GQLArgumentDefinition: Sendable {
    var description = ""
    var name = ""
    var defaultValue: GQLValue?
    var type = GQLType.named("", nonNull: false)
    var directives: [GQLDirective] = []
    var position = GraphQLPosition.none
}

struct GQLEnumValueDefinition: Sendable {
    var description = ""
    var name = ""
    var directives: [GQLDirective] = []
    var position = GraphQLPosition.none
}

struct GQLDirectiveDefinition: Sendable {
    var description = ""
    var name = ""
    var arguments: [GQLArgumentDefinition] = []
    var locations: [String] = []
    var isRepeatable = false
    var position = GraphQLPosition.none
}
