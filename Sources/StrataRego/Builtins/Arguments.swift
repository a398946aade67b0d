import BigInt
import StrataRegoAST

/// Typed access to builtin operands; mismatches throw OPA-style type errors.
extension Value {
    func operandError(_ index: Int, _ expected: String) -> BuiltinError {
        .type("operand \(index) must be \(expected) but got \(typeName)")
    }

    func string(_ index: Int) throws(BuiltinError) -> String {
        guard case .string(let s) = self else { throw operandError(index, "string") }
        return s
    }

    func number(_ index: Int) throws(BuiltinError) -> RegoNumber {
        guard case .number(let n) = self else { throw operandError(index, "number") }
        return n.canonical
    }

    func integer(_ index: Int) throws(BuiltinError) -> BigInt {
        guard case .number(let n) = self else { throw operandError(index, "number") }
        guard case .int(let i) = n.canonical else { throw BuiltinError.type("operand \(index) must be integer number but got floating-point number") }
        return i
    }

    func int(_ index: Int) throws(BuiltinError) -> Int {
        let big = try integer(index)
        guard let i = Int(exactly: big) else { throw BuiltinError("operand \(index) is too large") }
        return i
    }

    func int64(_ index: Int) throws(BuiltinError) -> Int64 {
        guard let i = Int64(exactly: try integer(index)) else { throw BuiltinError("timestamp too big") }
        return i
    }

    func bool(_ index: Int) throws(BuiltinError) -> Bool {
        guard case .bool(let b) = self else { throw operandError(index, "boolean") }
        return b
    }

    func array(_ index: Int) throws(BuiltinError) -> [Value] {
        guard case .array(let a) = self else { throw operandError(index, "array") }
        return a
    }

    func set(_ index: Int) throws(BuiltinError) -> Set<Value> {
        guard case .set(let s) = self else { throw operandError(index, "set") }
        return s
    }

    func object(_ index: Int) throws(BuiltinError) -> [Value: Value] {
        guard case .object(let o) = self else { throw operandError(index, "object") }
        return o
    }

    /// Elements of an array or set (sets in sorted order).
    func elements(_ index: Int, allowed: String = "one of {array, set}") throws(BuiltinError) -> [Value] {
        switch self {
        case .array(let a): return a
        case .set(let s): return s.sorted()
        default: throw operandError(index, allowed)
        }
    }

    /// Strings of an array or set of strings.
    func strings(_ index: Int) throws(BuiltinError) -> [String] {
        var out: [String] = []
        for e in try elements(index) {
            guard case .string(let s) = e else { throw BuiltinError.type("operand \(index) must be array or set of strings but got \(e.typeName)") }
            out.append(s)
        }
        return out
    }
}

extension Value {
    static func strings(_ items: [String]) -> Value { .array(items.map { .string($0) }) }
}
