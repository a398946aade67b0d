import StrataRegoAST
/// Literals must fit the type expected where they appear (built-in scalars, enums, lists, input objects).
/// Custom scalars accept anything, as in gqlparser.
struct ValuesOfCorrectType: GraphQLRule {
    private static let builtinScalars: Set<String> = ["Int", "Float", "String", "Boolean", "ID"]
    /// Value kind → the built-in scalars that accept it.
    private static let accepted: [GQLValue.Kind: Set<String>] = [
        .int: ["Int", "Float", "ID"], .float: ["Float"], .string: ["String", "ID"], .block: ["String", "ID"], .boolean: ["Boolean"],
    ]

    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .value(let tv) = event, let def = tv.definition, let expected = tv.expected else { return }
        let value = tv.value
        if value.kind == .null {
            if expected.nonNull { context.report("Expected value of type \"\(expected.text)\", found \(Self.text(value)).", at: value.position) }
            return
        }
        if def.kind == .scalar, !Self.builtinScalars.contains(def.name) { return }
        let enumNames = def.kind == .enumType ? def.enumValues.map(\.name) : []
        switch value.kind {
        case .variable, .null: return
        case .list:
            if expected.elem == nil { unexpected(tv, &context) }
        case .int:
            // gqlparser reads ints as 64-bit; only out-of-range ones are rejected here.
            if !def.isIn(Self.accepted[.int]!) || Int64(value.raw) == nil { unexpected(tv, &context) }
        case .float, .boolean:
            if !def.isIn(Self.accepted[value.kind]!) { unexpected(tv, &context) }
        case .string, .block:
            if def.kind == .enumType {
                context.report("Enum \"\(expected.text)\" cannot represent non-enum value: \(Self.text(value))."
                               + GraphQLSuggestions.suffix("Did you mean the enum value", value.raw, enumNames), at: value.position)
            } else if !def.isIn(Self.accepted[.string]!) {
                unexpected(tv, &context)
            }
        case .enumValue:
            if def.kind != .enumType {
                context.report(Self.unexpectedMessage(tv) + GraphQLSuggestions.suffixUnquoted("Did you mean the enum value", value.raw, enumNames),
                               at: value.position)
            } else if !enumNames.contains(value.raw) {
                context.report("Value \"\(value.raw)\" does not exist in \"\(expected.text)\" enum."
                               + GraphQLSuggestions.suffix("Did you mean the enum value", value.raw, enumNames), at: value.position)
            }
        case .object:
            checkObject(value, def, &context)
        }
    }

    private func checkObject(_ value: GQLValue, _ def: GQLDefinition, _ context: inout GraphQLRuleContext) {
        for field in def.fields where field.type.nonNull && field.defaultValue == nil {
            if !value.children.contains(where: { $0.name == field.name }) {
                context.report("Field \"\(def.name).\(field.name)\" of required type \"\(field.type.text)\" was not provided.", at: value.position)
            }
        }
        let names = def.fields.map(\.name)
        for child in value.children where !names.contains(child.name) {
            context.report("Field \"\(child.name)\" is not defined by type \"\(def.name)\"."
                           + GraphQLSuggestions.suffix("Did you mean", child.name, names), at: child.position)
        }
    }

    private func unexpected(_ tv: GraphQLTypedValue, _ context: inout GraphQLRuleContext) {
        context.report(Self.unexpectedMessage(tv), at: tv.value.position)
    }

    /// gqlparser's per-scalar wording (graphql-js's coercion messages).
    private static func unexpectedMessage(_ tv: GraphQLTypedValue) -> String {
        let shown = text(tv.value)
        switch tv.expected?.text ?? "" {
        case "Int", "Int!":
            if tv.value.kind == .int, Int32(tv.value.raw) == nil { return "Int cannot represent non 32-bit signed integer value: \(shown)" }
            return "Int cannot represent non-integer value: \(shown)"
        case "String", "String!", "[String]": return "String cannot represent a non string value: \(shown)"
        case "Boolean", "Boolean!": return "Boolean cannot represent a non boolean value: \(shown)"
        case "Float", "Float!": return "Float cannot represent non numeric value: \(shown)"
        case "ID", "ID!": return "ID cannot represent a non-string and non-integer value: \(shown)"
        default:
            if tv.definition?.kind == .enumType {
                return "Enum \"\(tv.expected?.text ?? "")\" cannot represent non-enum value: \(shown)."
            }
            return "Expected value of type \"\(tv.expected?.text ?? "")\", found \(shown)."
        }
    }

    /// gqlparser's `Value.String()`: strings quoted, lists and objects by kind.
    static func text(_ value: GQLValue) -> String {
        switch value.kind {
        case .string, .block: return GoQuote.quote(value.raw)
        case .list: return "list"
        case .object: return "object"
        case .variable: return "$" + value.raw
        default: return value.raw
        }
    }
}

extension GQLDefinition {
    func isIn(_ names: Set<String>) -> Bool { names.contains(name) }
}
