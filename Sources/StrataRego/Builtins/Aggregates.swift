import StrataRegoAST

/// `count`, `sum`, `product`, `max`, `min`, `sort`, `all`, `any`.
enum Aggregates {
    static let builtins: [Builtin] = [
        .unary("count", count),
        .unary("sum") { (v) throws(BuiltinError) in try fold(v, .int(0), Arithmetic.add) },
        .unary("product") { (v) throws(BuiltinError) in try fold(v, .int(1), Arithmetic.multiply) },
        .unary("max") { (v) throws(BuiltinError) in try v.elements(1).max() },
        .unary("min") { (v) throws(BuiltinError) in try v.elements(1).min() },
        .unary("sort") { (v) throws(BuiltinError) in .array(try v.elements(1).sorted()) },
        .unary("all") { (v) throws(BuiltinError) in .bool(try v.elements(1).allSatisfy { $0 == .true }) },
        .unary("any") { (v) throws(BuiltinError) in .bool(try v.elements(1).contains(.true)) },
    ]

    static func count(_ v: Value) throws(BuiltinError) -> Value? {
        switch v {
        case .array(let a): return .int(a.count)
        case .object(let o): return .int(o.count)
        case .set(let s): return .int(s.count)
        case .string(let s): return .int(s.unicodeScalars.count)
        default: throw v.operandError(1, "one of {array, object, set, string}")
        }
    }

    static func fold(_ v: Value, _ start: RegoNumber, _ op: (RegoNumber, RegoNumber) throws(BuiltinError) -> RegoNumber) throws(BuiltinError) -> Value? {
        var acc = start
        for e in try v.elements(1) {
            guard case .number(let n) = e else { throw BuiltinError.type("operand 1 must be one of {array, set} of numbers but got \(e.typeName)") }
            acc = try op(acc, n)
        }
        return .number(acc)
    }
}
