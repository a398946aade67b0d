import StrataRegoAST
/// Type-system validation, in gqlparser's order (types by name, then directives by name) and with
/// its messages, so the first error is the one gqlparser reports.
extension GraphQLSchema {
    func validateTypeDefinitions() throws(GraphQLError) {
        for name in types.keys.sorted() { try validate(types[name]!) }
    }

    func validateDirectiveDefinitions() throws(GraphQLError) {
        for name in directives.keys.sorted() {
            let def = directives[name]!
            try validateName(def.name, at: def.position)
            try validateArguments(def.arguments, directive: def.name)
        }
    }

    private func validate(_ def: GQLDefinition) throws(GraphQLError) {
        for field in def.fields {
            try validateName(field.name, at: field.position)
            try validateTypeRef(field.type, at: field.position)
            try validateArguments(field.arguments, directive: nil)
            try validateDirectives(field.directives, location: def.kind == .inputObject ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION", directive: nil)
        }
        for member in def.types {
            guard let memberDef = types[member] else { throw GraphQLError("Undefined type \(GoQuote.quote(member)).", at: def.position) }
            if memberDef.kind != .object {
                throw GraphQLError("\(def.kind.rawValue) type \(GoQuote.quote(member)) must be OBJECT.", at: def.position)
            }
        }
        for intf in def.interfaces { try validateImplements(def, intf) }
        try validateKindRules(def)
        var seen: Set<String> = []
        for field in def.fields where !seen.insert(field.name).inserted {
            throw GraphQLError("Field \(def.name).\(field.name) can only be defined once.", at: field.position)
        }
        if !def.builtIn { try validateName(def.name, at: def.position) }
        try validateDirectives(def.directives, location: def.kind.rawValue, directive: nil)
    }

    private static let outputKinds: Set<GQLDefinition.Kind> = [.scalar, .object, .interface, .union, .enumType]
    private static let inputKinds: Set<GQLDefinition.Kind> = [.scalar, .enumType, .inputObject]

    private func validateKindRules(_ def: GQLDefinition) throws(GraphQLError) {
        let kind = def.kind.rawValue
        switch def.kind {
        case .object, .interface:
            if def.fields.isEmpty { throw GraphQLError("\(kind) \(def.name): must define one or more fields.", at: def.position) }
            for field in def.fields {
                if let type = types[field.type.name], !Self.outputKinds.contains(type.kind) {
                    throw GraphQLError("\(kind) \(def.name): field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.", at: field.position)
                }
            }
        case .enumType:
            if def.enumValues.isEmpty {
                throw GraphQLError("\(kind) \(def.name): must define one or more unique enum values.", at: def.position)
            }
            if let bad = def.enumValues.first(where: { ["true", "false", "null"].contains($0.name) }) {
                throw GraphQLError("\(kind) \(def.name): non-enum value \(bad.name).", at: def.position)
            }
        case .inputObject:
            if def.fields.isEmpty { throw GraphQLError("\(kind) \(def.name): must define one or more input fields.", at: def.position) }
            for field in def.fields {
                if let type = types[field.type.name], !Self.inputKinds.contains(type.kind) {
                    throw GraphQLError("\(type.kind.rawValue) \(field.name): field must be one of SCALAR, ENUM, INPUT_OBJECT.", at: field.position)
                }
            }
        default: break
        }
    }

    private func validateTypeRef(_ type: GQLType, at position: GraphQLPosition) throws(GraphQLError) {
        if types[type.name] == nil { throw GraphQLError("Undefined type \(type.name).", at: position) }
    }

    private func validateArguments(_ args: [GQLArgumentDefinition], directive: String?) throws(GraphQLError) {
        for arg in args {
            try validateName(arg.name, at: arg.position)
            try validateTypeRef(arg.type, at: arg.position)
            if let def = types[arg.type.name], !def.isInput {
                throw GraphQLError("cannot use \(arg.type.text) as argument \(arg.name) because \(def.kind.rawValue) is not a valid input type", at: arg.position)
            }
            try validateDirectives(arg.directives, location: "ARGUMENT_DEFINITION", directive: directive)
        }
    }

    private func validateDirectives(_ dirs: [GQLDirective], location: String, directive current: String?) throws(GraphQLError) {
        for dir in dirs {
            try validateName(dir.name, at: dir.position)
            if let current, dir.name == current {
                throw GraphQLError("Directive \(current) cannot refer to itself.", at: dir.position)
            }
            guard let def = directives[dir.name] else { throw GraphQLError("Undefined directive \(dir.name).", at: dir.position) }
            if !def.locations.contains(location) {
                throw GraphQLError("Directive \(dir.name) is not applicable on \(location).", at: dir.position)
            }
        }
    }

    private func validateName(_ name: String, at position: GraphQLPosition) throws(GraphQLError) {
        if name.hasPrefix("__") {
            throw GraphQLError("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: position)
        }
    }
}
