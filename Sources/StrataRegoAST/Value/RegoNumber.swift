import BigInt
import Foundation

/// A Rego number. Integers are exact (`BigInt`, so `1e400` and 30-digit literals stay exact);
/// non-integral values fall back to `Double`. A `Double` that is integral is always normalised
/// to `.int`, so structural equality and hashing agree (`1 == 1.0`).
///
/// OPA keeps a number as the text it was written in (`1e2`, `1.0`), and `json.marshal`, `sprintf` and
/// value printing show that text. `.written` carries it, only when it differs from the canonical form;
/// equality, hashing, ordering and arithmetic all see the value alone (`canonical`).
public enum RegoNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    case int(BigInt)
    case float(Double)
    /// A canonical `.int`/`.float` with the source or JSON text it was written as.
    indirect case written(RegoNumber, String)

    public init(_ value: Int) { self = .int(BigInt(value)) }

    public init(_ value: Double) {
        if value.isFinite, value.rounded() == value, abs(value) < 1e300 {
            self = .int(BigInt(value))
        } else {
            self = .float(value)
        }
    }

    /// Parses a JSON/Rego number literal exactly where possible (canonical: the text is not kept).
    public init?(literal text: String) {
        if let exact = RegoNumber.exactInteger(text) {
            self = .int(exact)
            return
        }
        guard let double = Double(text) else { return nil }
        self.init(double)
    }

    /// Parses a literal and keeps its text when that is not the canonical spelling (`1e2`, `1.0`, `-0`),
    /// as OPA's numbers do for literals, JSON documents and `to_number`.
    public init?(writtenAs text: String) {
        guard let value = RegoNumber(literal: text) else { return nil }
        self = RegoNumber.isPlainInteger(text) || value.description == text ? value : .written(value, text)
    }

    /// `-?[1-9][0-9]*` or `0`: already canonical, so the text need not be compared.
    private static func isPlainInteger(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { return text == "0" }
        return utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The value without its written text.
    @inlinable public var canonical: RegoNumber {
        if case .written(let n, _) = self { return n }
        return self
    }

    /// The text OPA prints for this number: as written, or the canonical form.
    public var text: String {
        if case .written(_, let t) = self { return t }
        return description
    }

    public static func == (lhs: RegoNumber, rhs: RegoNumber) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.written, _), (_, .written): return exactCompare(lhs, rhs) == 0
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch canonical {
        case .int(let i): hasher.combine(0 as UInt8); hasher.combine(i)
        case .float(let d): hasher.combine(1 as UInt8); hasher.combine(d)
        case .written: break
        }
    }

    public var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .written(let n, _): return n.doubleValue
        }
    }

    public var intValue: Int? {
        if case .int(let i) = canonical, let v = Int(exactly: i) { return v }
        return nil
    }

    public var bigInt: BigInt? {
        if case .int(let i) = canonical { return i }
        return nil
    }

    public var isInteger: Bool { if case .int = canonical { return true } else { return false } }

    public static func < (lhs: RegoNumber, rhs: RegoNumber) -> Bool {
        switch (lhs, rhs) {
        case (.written, _), (_, .written): return exactCompare(lhs, rhs) < 0
        case (.int(let a), .int(let b)): return a < b
        default: return lhs.doubleValue < rhs.doubleValue
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return i.description
        case .float(let d): return RegoNumber.format(d)
        case .written(let n, _): return n.description
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
