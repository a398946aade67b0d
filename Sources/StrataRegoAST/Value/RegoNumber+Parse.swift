import BigInt

extension RegoNumber {
    /// The exact integer a literal denotes, if it denotes one (`12`, `1e3`, `1.5e1`, `-2E+2`).
    static func exactInteger(_ text: String) -> BigInt? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
        var mantissa = body
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            guard let exp = Int(body[body.index(after: e)...]), abs(exp) < 100_000 else { return nil }
            exponent = exp
        }
        var digits = String(mantissa)
        if let dot = mantissa.firstIndex(of: ".") {
            let fraction = mantissa[mantissa.index(after: dot)...]
            digits = String(mantissa[..<dot]) + fraction
            exponent -= fraction.count
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        while exponent < 0, digits.hasSuffix("0") { digits.removeLast(); exponent += 1 }
        guard exponent >= 0, digits.count + exponent < 100_000 else { return nil }
        guard var value = BigInt(digits.isEmpty ? "0" : digits, radix: 10) else { return nil }
        if exponent > 0 { value *= BigInt(10).power(exponent) }
        return negative ? -value : value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
