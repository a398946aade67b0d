import BigInt
import Foundation
import StrataRegoAST

/// `units.parse` (SI and binary suffixes, `m` = milli) and `units.parse_bytes`.
enum Units {
    static let builtins: [Builtin] = [
        .unary("units.parse") { (s) throws(BuiltinError) in try parse(try s.string(1), bytes: false) },
        .unary("units.parse_bytes") { (s) throws(BuiltinError) in try parse(try s.string(1), bytes: true) },
    ]

    static let decimal: [String: Int] = ["k": 1, "m": 2, "g": 3, "t": 4, "p": 5, "e": 6]
    static let binary: [String: Int] = ["ki": 1, "mi": 2, "gi": 3, "ti": 4, "pi": 5, "ei": 6]

    /// The leading number, including an exponent (`2.5e3`) but not a unit `E` (exa).
    static func numberPrefix(_ text: String) -> String {
        let chars = Array(text)
        var i = 0
        while i < chars.count, chars[i].isNumber || chars[i] == "." || (i == 0 && (chars[i] == "-" || chars[i] == "+")) { i += 1 }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "-" || chars[j] == "+" { j += 1 }
            if j < chars.count, chars[j].isNumber {
                while j < chars.count, chars[j].isNumber { j += 1 }
                i = j
            }
        }
        return String(chars[..<i])
    }

    static func parse(_ raw: String, bytes: Bool) throws(BuiltinError) -> Value {
        let name = bytes ? "units.parse_bytes" : "units.parse"
        let text = raw.replacingOccurrences(of: "\"", with: "")
        guard !text.contains(" ") else { throw BuiltinError("\(name): spaces not allowed in resource strings") }
        let numberPart = Units.numberPrefix(text)
        var suffix = String(text.dropFirst(numberPart.count))
        if let e = numberPart.firstIndex(where: { $0 == "e" || $0 == "E" }), let exp = Int(numberPart[numberPart.index(after: e)...]), abs(exp) > 1_000 {
            throw BuiltinError("\(name): exponent too large")
        }
        guard !numberPart.isEmpty, let n = RegoNumber(literal: numberPart) else { throw BuiltinError("\(name): no amount provided") }
        if bytes, suffix.lowercased().hasSuffix("b") { suffix = String(suffix.dropLast()) }
        let multiplier: RegoNumber
        if suffix.isEmpty {
            multiplier = .int(1)
        } else if !bytes, suffix == "m" {
            return .number(try Arithmetic.divide(n, .int(1000)))
        } else if let e = binary[suffix.lowercased()] {
            multiplier = .int(BigInt(1024).power(e))
        } else if let e = decimal[suffix.lowercased()], bytes || suffix != "M" || true {
            multiplier = .int(BigInt(1000).power(e))
        } else {
            throw BuiltinError("\(name): unknown unit \(suffix)")
        }
        let result = try Arithmetic.multiply(n, multiplier)
        if bytes { return .number(Arithmetic.rounded(result, .down)) }
        return .number(result)
    }
}
