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

    /// Formats a double as Go's `encoding/json` does: shortest digits, fixed notation for
    /// 1e-6 ≤ |d| < 1e21, otherwise exponent form like `1e+21` / `1e-07`.
    static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        let magnitude = Swift.abs(d)
        if magnitude >= 1e-6, magnitude < 1e21 { return fixed(d) }
        return exponentForm(d)
    }

    /// Shortest digits in Go's exponent form: `1e-07`, `1.5e+21`.
    public static func exponentForm(_ d: Double) -> String {
        var text = "\(d)"
        if !text.contains("e") {
            let parts = String(format: "%.16e", d).split(separator: "e")
            var mantissa = String(parts[0])
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
            text = mantissa + "e" + parts[1]
            if let shortest = Double(text), shortest != d { text = String(format: "%.16e", d) }
        }
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

    /// Shortest round-trip digits of `d` written without an exponent.
    static func fixed(_ d: Double) -> String {
        let text = "\(d)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intDigits = String(parts[0])
        var digits = intDigits + (parts.count > 1 ? String(parts[1]) : "")
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        let point = intDigits.count + exponent
        var out: String
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            out = digits + String(repeating: "0", count: point - digits.count)
        } else {
            out = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return (negative ? "-" : "") + out
    }
}
