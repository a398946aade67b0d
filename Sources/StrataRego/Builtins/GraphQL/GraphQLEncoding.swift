import StrataRegoAST

/// The AST as the Rego value OPA returns: gqlparser's structs as JSON, then pruned of nulls,
/// empty arrays and objects (recursively). Positions and validation back-links are never encoded.
protocol GraphQLEncodable {
    var jsonFields: [(String, Value)] { get }
}

extension GraphQLEncodable {
    var encoded: Value { GraphQLPrune.prune(raw) }
    var raw: Value { .object(Dictionary(jsonFields.map { (Value.string($0.0), $0.1) }, uniquingKeysWith: { a, _ in a })) }
}

enum GraphQLPrune {
    /// OPA's `pruneIrrelevantGraphQLASTNodes`.
    static func prune(_ value: Value) -> Value {
        switch value {
        case .array(let items): return .array(items.compactMap(kept))
        case .object(let dict):
            var out: [Value: Value] = [:]
            for (k, v) in dict where k != .string("Position") {
                if let v = kept(v) { out[k] = v }
            }
            return .object(out)
        default: return value
        }
    }

    private static func kept(_ value: Value) -> Value? {
        switch value {
        case .null: return nil
        case .array, .object:
            let pruned = prune(value)
            if case .array(let a) = pruned, a.isEmpty { return nil }
            if case .object(let o) = pruned, o.isEmpty { return nil }
            return pruned
        default: return value
        }
    }
}

extension Array where Element: GraphQLEncodable {
    var raw: Value { .array(map(\.raw)) }
}

private func strings(_ list: [String]) -> Value { .array(list.map { .string($0) }) }

extension GQLQueryDocument: GraphQLEncodable {
    var jsonFields: [(String, Value)] { [("Operations", operations.raw), ("Fragments", fragments.raw)] }
}

extension GQLOperation: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Operation", .string(operation)), ("Name", .string(name)), ("VariableDefinitions", variableDefinitions.raw),
         ("Directives", directives.raw), ("SelectionSet", .array(selectionSet.map(\.raw)))]
    }
}

extension GQLVariableDefinition: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Variable", .string(variable)), ("Type", type.raw), ("DefaultValue", defaultValue?.raw ?? .null),
         ("Directives", directives.raw), ("Used", .bool(false))]
    }
}

extension GQLFragment: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Name", .string(name)), ("VariableDefinition", variableDefinition.raw), ("TypeCondition", .string(typeCondition)),
         ("Directives", directives.raw), ("SelectionSet", .array(selectionSet.map(\.raw)))]
    }
}

extension GQLSelection {
    var raw: Value {
        switch self {
        case .field(let f):
            return GraphQLFields(f: [("Alias", .string(f.alias)), ("Name", .string(f.name)), ("Arguments", f.arguments.raw),
                                     ("Directives", f.directives.raw), ("SelectionSet", .array(f.selectionSet.map(\.raw)))]).raw
        case .spread(let s):
            return GraphQLFields(f: [("Name", .string(s.name)), ("Directives", s.directives.raw)]).raw
        case .inline(let i):
            return GraphQLFields(f: [("TypeCondition", .string(i.typeCondition)), ("Directives", i.directives.raw),
                                     ("SelectionSet", .array(i.selectionSet.map(\.raw)))]).raw
        }
    }
}

/// An ad-hoc object for encodings that are not one struct.
struct GraphQLFields: GraphQLEncodable {
    var f: [(String, Value)]
    var jsonFields: [(String, Value)] { f }
}

extension GQLArgument: GraphQLEncodable {
    var jsonFields: [(String, Value)] { [("Name", .string(name)), ("Value", value.raw)] }
}

extension GQLDirective: GraphQLEncodable {
    var jsonFields: [(String, Value)] { [("Name", .string(name)), ("Arguments", arguments.raw), ("Location", .string(location))] }
}

extension GQLValue: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Raw", .string(raw)), ("Children", children.raw), ("Kind", .number(RegoNumber(kind.rawValue)))]
    }
}

extension GQLChildValue: GraphQLEncodable {
    var jsonFields: [(String, Value)] { [("Name", .string(name)), ("Value", value.raw)] }
}

extension GQLType {
    var raw: Value {
        switch self {
        case .named(let n, let nn): return GraphQLFields(f: [("NamedType", .string(n)), ("NonNull", .bool(nn))]).raw
        case .list(let e, let nn):
            return GraphQLFields(f: [("NamedType", .string("")), ("Elem", e.raw), ("NonNull", .bool(nn))]).raw
        }
    }
}

extension GQLSchemaDocument: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Schema", schema.raw), ("SchemaExtension", schemaExtension.raw), ("Directives", directives.raw),
         ("Definitions", definitions.raw), ("Extensions", extensions.raw)]
    }
}

extension GQLSchemaDefinition: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Description", .string(description)), ("Directives", directives.raw), ("OperationTypes", operationTypes.raw)]
    }
}

extension GQLOperationType: GraphQLEncodable {
    var jsonFields: [(String, Value)] { [("Operation", .string(operation)), ("Type", .string(type))] }
}

extension GQLDefinition: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Kind", .string(kind.rawValue)), ("Description", .string(description)), ("Name", .string(name)),
         ("Directives", directives.raw), ("Interfaces", strings(interfaces)), ("Fields", fields.raw),
         ("Types", strings(types)), ("EnumValues", enumValues.raw), ("BuiltIn", .bool(builtIn))]
    }
}

extension GQLFieldDefinition: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Description", .string(description)), ("Name", .string(name)), ("Arguments", arguments.raw),
         ("DefaultValue", defaultValue?.raw ?? .null), ("Type", type.raw), ("Directives", directives.raw)]
    }
}

extension GQLArgumentDefinition: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Description", .string(description)), ("Name", .string(name)), ("DefaultValue", defaultValue?.raw ?? .null),
         ("Type", type.raw), ("Directives", directives.raw)]
    }
}

extension GQLEnumValueDefinition: GraphQLEncodable {
    var jsonFields: [(String, Value)] { [("Description", .string(description)), ("Name", .string(name)), ("Directives", directives.raw)] }
}

extension GQLDirectiveDefinition: GraphQLEncodable {
    var jsonFields: [(String, Value)] {
        [("Description", .string(description)), ("Name", .string(name)), ("Arguments", arguments.raw),
         ("Locations", strings(locations)), ("IsRepeatable", .bool(isRepeatable))]
    }
}
