import StrataRegoAST

/// Canonical form for comparing results: sets become sorted arrays (OPA prints sets as arrays), and
/// numbers are already normalised by `RegoNumber` (`2.0` equals `2`).
enum Canonical {
    static func value(_ v: Value) -> Value {
        switch v {
        case .set(let s): return .array(s.map(value).sorted())
        case .array(let a): return .array(a.map(value))
        case .object(let o): return .object(Dictionary(o.map { (key($0.key), value($0.value)) }, uniquingKeysWith: { a, _ in a }))
        default: return v
        }
    }

    /// OPA's JSON output writes a non-string object key (`r[k]` with a number `k`) as its JSON text.
    static func key(_ k: Value) -> Value {
        if case .string = k { return k }
        return .string(value(k).jsonString())
    }

    /// Same shape, numbers within a relative 1e-9: OPA computes with arbitrary-precision decimals.
    static func nearlyEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            let dx = x.doubleValue, dy = y.doubleValue
            return abs(dx - dy) <= 1e-9 * max(1, abs(dx), abs(dy))
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { nearlyEqual($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { nearlyEqual(v, $0) } ?? false }
        default:
            return a == b
        }
    }
}
