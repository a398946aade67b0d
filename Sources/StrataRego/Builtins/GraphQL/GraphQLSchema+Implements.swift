import StrataRegoAST
/// Interface implementation rules (spec §3.6 "Objects", validation steps for `implements`).
extension GraphQLSchema {
    func validateImplements(_ def: GQLDefinition, _ intfName: String) throws(GraphQLError) {
        guard let intf = types[intfName] else { throw GraphQLError("Undefined type \(GoQuote.quote(intfName)).", at: def.position) }
        guard intf.kind == .interface else {
            throw GraphQLError("\(GoQuote.quote(intfName)) is a non interface type \(intf.kind.rawValue).", at: def.position)
        }
        let prefix = "For \(def.name) to implement \(intf.name)"
        for required in intf.fields {
            guard let found = field(def, required.name) else {
                throw GraphQLError("\(prefix) it must have a field called \(required.name).", at: def.position)
            }
            if !isCovariant(required.type, found.type) {
                throw GraphQLError("\(prefix) the field \(required.name) must have type \(required.type.text).", at: found.position)
            }
            for arg in required.arguments {
                guard let foundArg = found.arguments.first(where: { $0.name == arg.name }) else {
                    throw GraphQLError("\(prefix) the field \(required.name) must have the same arguments but it is missing \(arg.name).", at: found.position)
                }
                if !Self.isCompatible(arg.type, foundArg.type) {
                    throw GraphQLError("\(prefix) the field \(required.name) must have the same arguments but \(arg.name) has the wrong type.", at: foundArg.position)
                }
            }
            for extra in found.arguments where !required.arguments.contains(where: { $0.name == extra.name }) {
                if extra.type.nonNull, extra.defaultValue == nil {
                    throw GraphQLError("\(prefix) any additional arguments on \(found.name) must be optional or have a default value but \(extra.name) is required.", at: extra.position)
                }
            }
        }
        for transitive in intf.interfaces where !def.interfaces.contains(transitive) {
            if transitive == def.name {
                throw GraphQLError("Type \(def.name) cannot implement \(intfName) because it would create a circular reference.", at: def.position)
            }
            throw GraphQLError("Type \(def.name) must implement \(transitive) because it is implemented by \(intfName).", at: def.position)
        }
    }

    private func isCovariant(_ required: GQLType, _ actual: GQLType) -> Bool {
        if required.nonNull, !actual.nonNull { return false }
        switch (required, actual) {
        case (.named(let r, _), .named(let a, _)):
            return r == a || (possibleTypes[r] ?? []).contains(a)
        case (.named, .list): return false
        case (.list, .named): return false
        case (.list(let r, _), .list(let a, _)): return isCovariant(r, a)
        }
    }

    /// gqlparser's `Type.IsCompatible` for argument types.
    static func isCompatible(_ a: GQLType, _ b: GQLType) -> Bool {
        switch (a, b) {
        case (.named(let x, _), .named(let y, _)): if x != y { return false }
        case (.list(let x, _), .list(let y, _)): if !isCompatible(x, y) { return false }
        default: return false
        }
        return b.nonNull ? a.nonNull : true
    }
}
