import StrataRegoAST

/// `==`, `!=`, `<`, `<=`, `>`, `>=` over OPA's total order, and membership (`in`).
enum Comparison {
    static let builtins: [Builtin] = [
        .binary("equal") { a, b in .bool(a == b) },
        .binary("neq") { a, b in .bool(a != b) },
        .binary("lt") { a, b in .bool(Value.compare(a, b) < 0) },
        .binary("lte") { a, b in .bool(Value.compare(a, b) <= 0) },
        .binary("gt") { a, b in .bool(Value.compare(a, b) > 0) },
        .binary("gte") { a, b in .bool(Value.compare(a, b) >= 0) },
        .binary("internal.member_2") { x, coll in .bool(Evaluator.entries(coll).contains { $0.1 == x }) },
        .ternary("internal.member_3") { key, x, coll in .bool(coll[key] == x && isKeyed(coll)) },
    ]

    private static func isKeyed(_ v: Value) -> Bool {
        switch v {
        case .array, .object, .set: return true
        default: return false
        }
    }
}
