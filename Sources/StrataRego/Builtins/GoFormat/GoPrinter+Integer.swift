import StrataRegoAST
import BigInt

/// Integer verbs, as Go formats an `int64` and a `*big.Int`.
extension GoPrinter {
    mutating func fmtInteger(_ v: Int64, _ verb: Unicode.Scalar) {
        let bits = UInt64(bitPattern: v)
        switch verb {
        case "v", "d": integer(v.magnitude, negative: v < 0, base: 10, verb: verb, upper: false)
        case "b": integer(v.magnitude, negative: v < 0, base: 2, verb: verb, upper: false)
        case "o", "O": integer(v.magnitude, negative: v < 0, base: 8, verb: verb, upper: false)
        case "x": integer(v.magnitude, negative: v < 0, base: 16, verb: verb, upper: false)
        case "X": integer(v.magnitude, negative: v < 0, base: 16, verb: verb, upper: true)
        case "c": fmtC(bits)
        case "q": fmtQc(bits)
        case "U": fmtUnicode(bits)
        default: badVerb(verb, .int64(v))
        }
    }

    /// Go's `fmt.fmtInteger`: precision is a minimum digit count; `%05d` pads with zeros after the sign.
    private mutating func integer(_ magnitude: UInt64, negative: Bool, base: Int, verb: Unicode.Scalar, upper: Bool) {
        var prec = 0
        if f.precPresent {
            prec = f.prec
            if prec == 0, magnitude == 0 {
                let zero = f.zero
                f.zero = false
                writePadding(f.wid)
                f.zero = zero
                return
            }
        } else if f.zero, !f.minus, f.widPresent {
            prec = f.wid
            if negative || f.plus || f.space { prec -= 1 }
        }
        var digits = String(magnitude, radix: base, uppercase: upper)
        if digits.count < prec { digits = String(repeating: "0", count: prec - digits.count) + digits }
        if f.sharp {
            switch base {
            case 2: digits = "0b" + digits
            case 8: if !digits.hasPrefix("0") { digits = "0" + digits }
            case 16: digits = (upper ? "0X" : "0x") + digits
            default: break
            }
        }
        if verb == "O" { digits = "0o" + digits }
        if negative { digits = "-" + digits } else if f.plus { digits = "+" + digits } else if f.space { digits = " " + digits }
        padWithoutZeros(digits)
    }

    /// `%c`: the code point as a character (U+FFFD when out of range).
    mutating func fmtC(_ c: UInt64) {
        pad(String(Self.rune(c)))
    }

    /// `%q` on an integer: a single-quoted Go character literal.
    mutating func fmtQc(_ c: UInt64) {
        pad(GoQuote.quoteRune(Self.rune(c), asciiOnly: f.plus))
    }

    /// `%U`: `U+` and at least four uppercase hex digits; `%#U` adds the quoted character.
    mutating func fmtUnicode(_ u: UInt64) {
        var hex = String(u, radix: 16, uppercase: true)
        let prec = f.precPresent && f.prec > 4 ? f.prec : 4
        if hex.count < prec { hex = String(repeating: "0", count: prec - hex.count) + hex }
        var text = "U+" + hex
        if f.sharp, u <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(u)), GoQuote.isPrint(scalar) {
            text += " '" + String(scalar) + "'"
        }
        padWithoutZeros(text)
    }

    static func rune(_ c: UInt64) -> Unicode.Scalar {
        guard c <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(c)) else { return "\u{FFFD}" }
        return scalar
    }

    /// `*big.Int`'s own `Format`: b o O d s v x X; any other verb prints `%!c(big.Int=…)` unpadded.
    mutating func formatBig(_ x: BigInt, _ verb: Unicode.Scalar) {
        let base: Int
        switch verb {
        case "b": base = 2
        case "o", "O": base = 8
        case "d", "s", "v": base = 10
        case "x", "X": base = 16
        default:
            write("%!" + String(verb) + "(big.Int=" + x.description + ")")
            return
        }
        let plus = f.plus || f.plusV, sharp = f.sharp || f.sharpV
        let sign = x.sign == .minus && !x.isZero ? "-" : plus ? "+" : f.space ? " " : ""
        var prefix = ""
        if sharp {
            switch verb {
            case "b": prefix = "0b"
            case "o": prefix = "0"
            case "x": prefix = "0x"
            case "X": prefix = "0X"
            default: break
            }
        }
        if verb == "O" { prefix = "0o" }
        let digits = String(x.magnitude, radix: base, uppercase: verb == "X")
        var left = 0, zeros = 0, right = 0
        if f.precPresent {
            if digits.count < f.prec {
                zeros = f.prec - digits.count
            } else if digits == "0", f.prec == 0 {
                return
            }
        }
        let length = sign.count + prefix.count + zeros + digits.count
        if f.widPresent, length < f.wid {
            let d = f.wid - length
            if f.minus { right = d } else if f.zero, !f.precPresent { zeros = d } else { left = d }
        }
        write(String(repeating: " ", count: left) + sign + prefix + String(repeating: "0", count: zeros) + digits + String(repeating: " ", count: right))
    }
}
