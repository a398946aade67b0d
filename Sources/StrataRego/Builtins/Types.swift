import StrataRegoAST

/// `is_*`, `type_name`.
enum Types {
    static let builtins: [Builtin] = [
        check("is_number") { if case .number = $0 { return true } else { return false } },
        check("is_string") { if case .string = $0 { return true } else { return false } },
        check("is_boolean") { if case .bool = $0 { return true } else { return false } },
        check("is_array") { if case .array = $0 { return true } else { return false } },
        check("is_set") { if case .set = $0 { return true } else { return false } },
        check("is_object") { if case .object = $0 { return true } else { return false } },
        check("is_null") { $0 == .null },
        .unary("type_name") { .string($0.typeName) },
    ]

    private static func check(_ name: String, _ p: @escaping @Sendable (Value) -> Bool) -> Builtin {
        .unary(name) { .bool(p($0)) }
    }
}
