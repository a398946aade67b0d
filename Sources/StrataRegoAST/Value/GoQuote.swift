/// Go's `strconv` quoting (`Quote`, `QuoteToASCII`, `QuoteRune`, `CanBackquote`), which `%q` and
/// gqlparser's messages use.
public enum GoQuote {
    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    public static func isPrint(_ r: Unicode.Scalar) -> Bool {
        if r.value < 0x80 { return r.value >= 0x20 && r.value < 0x7F }
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    public static func quote(_ s: String, asciiOnly: Bool = false) -> String {
        var out = "\""
        for r in s.unicodeScalars { append(r, quote: "\"", asciiOnly: asciiOnly, to: &out) }
        return out + "\""
    }

    public static func quoteRune(_ r: Unicode.Scalar, asciiOnly: Bool) -> String {
        var out = "'"
        append(r, quote: "'", asciiOnly: asciiOnly, to: &out)
        return out + "'"
    }

    /// A raw string literal can hold it: no backquote, no control characters but tab, no BOM.
    public static func canBackquote(_ s: String) -> Bool {
        for r in s.unicodeScalars {
            if r == "`" || r == "\u{FEFF}" { return false }
            if r.value < 0x20 && r != "\t" || r.value == 0x7F { return false }
        }
        return true
    }

    private static func append(_ r: Unicode.Scalar, quote: Unicode.Scalar, asciiOnly: Bool, to out: inout String) {
        if r == quote || r == "\\" {
            out.unicodeScalars.append("\\")
            out.unicodeScalars.append(r)
            return
        }
        if asciiOnly ? (r.value < 0x80 && isPrint(r)) : isPrint(r) {
            out.unicodeScalars.append(r)
            return
        }
        switch r.value {
        case 0x07: out += "\\a"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x0B: out += "\\v"
        case ..<0x20, 0x7F: out += "\\x" + hex(r.value, 2)
        case ..<0x10000: out += "\\u" + hex(r.value, 4)
        default: out += "\\U" + hex(r.value, 8)
        }
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
