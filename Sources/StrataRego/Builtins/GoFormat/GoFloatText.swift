import Foundation

/// Go's `strconv.FormatFloat` for the formats `fmt` uses: e E f F g G x X b, with precision -1 meaning
/// the shortest text that reads back as the same double. Explicit precisions go through C's printf,
/// whose e/f/g/a output is the same as Go's apart from `%a`'s exponent width, fixed here.
enum GoFloatText {
    static func format(_ d: Double, _ verb: Unicode.Scalar, _ prec: Int) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        switch verb {
        case "b": return binaryExponent(d)
        case "x", "X": return hex(d, prec, upper: verb == "X")
        default: break
        }
        let upper = verb == "E" || verb == "G"
        guard prec < 0 else {
            let c = verb == "F" ? "f" : String(verb)
            return String(format: "%.\(prec)" + c, d)
        }
        let (digits, dp) = shortestDigits(d)
        let sign = d.sign == .minus ? "-" : ""
        switch verb {
        case "e", "E": return sign + exponentForm(digits, dp, upper: upper)
        case "f", "F": return sign + fixedForm(digits, dp)
        default:
            // Shortest %g switches to the exponent form below 1e-4 and from 1e6 up, as Go decides it.
            let exp = dp - 1
            return sign + (exp < -4 || exp >= 6 ? exponentForm(digits, dp, upper: upper) : fixedForm(digits, dp))
        }
    }

    /// The shortest round-trip decimal digits of |d| and the decimal point's position (0.d₁d₂… × 10^dp).
    static func shortestDigits(_ d: Double) -> (digits: [Character], dp: Int) {
        if d == 0 { return ([], 0) }
        var text = "\(Swift.abs(d))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = Array(parts[0])
        let fracPart = parts.count > 1 ? Array(parts[1]) : []
        var digits = intPart + fracPart
        var dp = intPart.count + exponent
        while let first = digits.first, first == "0" { digits.removeFirst(); dp -= 1 }
        while let last = digits.last, last == "0" { digits.removeLast() }
        return (digits, dp)
    }

    /// d.ddde±XX with all the digits given.
    static func exponentForm(_ digits: [Character], _ dp: Int, upper: Bool) -> String {
        guard let first = digits.first else { return upper ? "0E+00" : "0e+00" }
        var out = String(first)
        if digits.count > 1 { out += "." + String(digits.dropFirst()) }
        let exp = dp - 1
        let magnitude = String(Swift.abs(exp))
        out += (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        return out
    }

    /// Fixed notation with exactly the digits given.
    static func fixedForm(_ digits: [Character], _ dp: Int) -> String {
        var out = ""
        if dp > 0 {
            for i in 0..<dp { out.append(i < digits.count ? digits[i] : "0") }
        } else {
            out = "0"
        }
        let fraction = max(digits.count - dp, 0)
        if fraction > 0 {
            out += "."
            for i in 0..<fraction {
                let j = dp + i
                out.append(j >= 0 && j < digits.count ? digits[j] : "0")
            }
        }
        return out
    }

    /// `%x`: hexadecimal mantissa and a binary exponent of at least two digits (`0x1.8p+00`).
    static func hex(_ d: Double, _ prec: Int, upper: Bool) -> String {
        var text = prec < 0 ? String(format: "%a", d) : String(format: "%.\(prec)a", d)
        if let p = text.firstIndex(of: "p") {
            let mantissa = text[..<p]
            var exponent = String(text[text.index(after: p)...])
            let sign = exponent.first == "-" ? "-" : "+"
            exponent = exponent.trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
            if exponent.count < 2 { exponent = "0" + exponent }
            text = mantissa + "p" + sign + exponent
        }
        return upper ? text.uppercased() : text
    }

    /// `%b`: the integer mantissa and power-of-two exponent (`6755399441055744p-52`).
    static func binaryExponent(_ d: Double) -> String {
        let bits = d.bitPattern
        var exponent = Int((bits >> 52) & 0x7FF)
        var mantissa = bits & ((1 << 52) - 1)
        if exponent == 0 { exponent += 1 } else { mantissa |= 1 << 52 }
        exponent += -1023 - 52
        return (d.sign == .minus ? "-" : "") + String(mantissa) + "p" + (exponent >= 0 ? "+" : "") + String(exponent)
    }
}
