import BigInt

/// A value as Go's `fmt` sees it. OPA hands `fmt.Sprintf` only these four kinds: numbers become
/// `int64`, `*big.Int`, `float64` or (when neither parses) their text, and every other Rego value
/// becomes its Rego text, a Go `string`.
enum GoOperand: Sendable, Equatable {
    case int64(Int64)
    case big(BigInt)
    case float(Double)
    case string(String)

    /// Go's `reflect.TypeOf(x).String()`, as printed in `%!v(type=value)` and `%T`.
    var typeName: String {
        switch self {
        case .int64: "int64"
        case .big: "*big.Int"
        case .float: "float64"
        case .string: "string"
        }
    }

    /// The integer `*`-width/precision reads (Go's `intFromArg`): only an int64 that fits in 1e6.
    var starInteger: Int? {
        guard case .int64(let i) = self, i <= 1_000_000, i >= -1_000_000 else { return nil }
        return Int(i)
    }
}
