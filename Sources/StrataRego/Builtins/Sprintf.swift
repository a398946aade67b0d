import BigInt
import StrataRegoAST

/// `sprintf`: OPA passes each operand to Go's `fmt.Sprintf` as a Go value (`GoOperand`) and lets Go format it.
enum Sprintf {
    static func format(_ format: String, _ args: [Value]) -> String {
        GoPrinter.sprintf(format, args.map(operand))
    }

    /// How OPA converts a Rego value for `fmt`. A number goes by the text it was written in: an integer
    /// (`1.0` counts) is an `int64` or a `*big.Int`; text with a decimal point is a `float64`; anything else
    /// (`1e2`, `1e400`) stays its text, a string. Non-numbers print as Rego text, strings as themselves.
    static func operand(_ v: Value) -> GoOperand {
        switch v {
        case .string(let s): return .string(s)
        case .number(let n):
            let text = n.text
            if let i = int64(text) { return .int64(i) }
            if isDecimalDigits(text), let b = BigInt(text, radix: 10) { return .big(b) }
            if text.contains("."), let d = Double(text), d.isFinite { return .float(d) }
            return .string(text)
        default: return .string(v.regoString)
        }
    }

    /// OPA's integer reading: optional `-`, digits, and an all-zero fraction (`1.0`, `-3.00`).
    static func int64(_ text: String) -> Int64? {
        var body = Substring(text)
        if let dot = body.firstIndex(of: ".") {
            let fraction = body[body.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
            body = body[..<dot]
        }
        guard isDecimalDigits(body) else { return nil }
        return Int64(body)
    }

    private static func isDecimalDigits<S: StringProtocol>(_ s: S) -> Bool {
        var digits = Substring(s)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
