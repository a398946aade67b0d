import BigInt
import Foundation

/// A Rego number. Integers are exact (`BigInt`, so `1e400` and 30-digit literals stay exact);
/// non-integral values fall back to `Double`. A `Double` that is integral is always normalised
/// to `.int`, so structural equality and hashing agree (`1 == 1.0`).
public enum RegoNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    case int(BigInt)
    case float(Double)

    public init(_ value: Int) { self = .int(BigInt(value)) }

    public init(_ value: Double) {
        if value.isFinite, value.rounded() == value, abs(value) < 1e300 {
            self = .int(BigInt(value))
        } else {
            self = .float(value)
        }
    }

    /// Parses a JSON/Rego number literal exactly where possible.
    public init?(literal text: String) {
        if let exact = RegoNumber.exactInteger(text) {
            self = .int(exact)
            return
        }
        guard let double = Double(text) else { return nil }
        self.init(double)
    }

    public var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        }
    }

    public var intValue: Int? {
        if case .int(let i) = self, let v = Int(exactly: i) { return v }
        return nil
    }

    public var bigInt: BigInt? {
        if case .int(let i) = self { return i }
        return nil
    }

    public var isInteger: Bool { if case .int = self { return true } else { return false } }

    public static func < (lhs: RegoNumber, rhs: RegoNumber) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b
        default: return lhs.doubleValue < rhs.doubleValue
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return i.description
        case .float(let d): return RegoNumber.format(d)
        }
    }

    /// Formats a double the way Go's `strconv.FormatFloat(f, 'g', -1, 64)` does for JSON output.
    static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        var text = "\(d)"
        if let eIndex = text.firstIndex(of: "e") {
            let mantissa = text[..<eIndex]
            var exponent = String(text[text.index(after: eIndex)...])
            let sign = exponent.hasPrefix("-") ? "-" : "+"
            exponent = exponent.trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
            if exponent.count < 2 { exponent = "0" + exponent }
            text = "\(mantissa)e\(sign)\(exponent)"
        }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
