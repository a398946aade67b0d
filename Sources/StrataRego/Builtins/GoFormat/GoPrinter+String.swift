import StrataRegoAST
/// String verbs: s v q x X (precision cuts the string first, in runes; `%x` in bytes).
extension GoPrinter {
    mutating func fmtString(_ s: String, _ verb: Unicode.Scalar) {
        switch verb {
        case "v": if f.sharpV { fmtQ(s) } else { fmtS(s) }
        case "s": fmtS(s)
        case "q": fmtQ(s)
        case "x": fmtSx(s, upper: false)
        case "X": fmtSx(s, upper: true)
        default: badVerb(verb, .string(s))
        }
    }

    private func truncated(_ s: String) -> String {
        guard f.precPresent else { return s }
        let scalars = s.unicodeScalars
        guard scalars.count > f.prec else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.prefix(f.prec))
        return String(out)
    }

    mutating func fmtS(_ s: String) { pad(truncated(s)) }

    private mutating func fmtQ(_ s: String) {
        let s = truncated(s)
        if f.sharp, GoQuote.canBackquote(s) {
            pad("`" + s + "`")
        } else {
            pad(GoQuote.quote(s, asciiOnly: f.plus))
        }
    }

    /// Hex of the bytes; `% x` separates them, `%#x` prefixes `0x` (each byte, with the space flag).
    private mutating func fmtSx(_ s: String, upper: Bool) {
        var bytes = Array(s.utf8)
        if f.precPresent, f.prec < bytes.count { bytes = Array(bytes.prefix(f.prec)) }
        let length = bytes.count
        var width = 2 * length
        guard width > 0 else {
            if f.widPresent { writePadding(f.wid) }
            return
        }
        if f.space {
            if f.sharp { width *= 2 }
            width += length - 1
        } else if f.sharp {
            width += 2
        }
        if f.widPresent, f.wid > width, !f.minus { writePadding(f.wid - width) }
        let digits = Array((upper ? "0123456789ABCDEFX" : "0123456789abcdefx").utf8)
        if f.sharp { out.append(UInt8(ascii: "0")); out.append(digits[16]) }
        for (i, c) in bytes.enumerated() {
            if f.space, i > 0 {
                out.append(UInt8(ascii: " "))
                if f.sharp { out.append(UInt8(ascii: "0")); out.append(digits[16]) }
            }
            out.append(digits[Int(c >> 4)])
            out.append(digits[Int(c & 0xF)])
        }
        if f.widPresent, f.wid > width, f.minus { writePadding(f.wid - width) }
    }
}
