/// Float verbs: v (shortest %g) b e E f F g G x X, with Go's sign, `#` and zero-padding rules.
extension GoPrinter {
    mutating func fmtFloat(_ d: Double, _ verb: Unicode.Scalar) {
        switch verb {
        case "v": float(d, "g", -1)
        case "b", "g", "G", "x", "X": float(d, verb, -1)
        case "f", "e", "E", "F": float(d, verb, 6)
        default: badVerb(verb, .float(d))
        }
    }

    private mutating func float(_ d: Double, _ verb: Unicode.Scalar, _ defaultPrecision: Int) {
        let prec = f.precPresent ? f.prec : defaultPrecision
        var text = GoFloatText.format(d, verb, prec)
        var num = Array(text.hasPrefix("-") || text.hasPrefix("+") ? text : "+" + text)
        if f.space, num[0] == "+", !f.plus { num[0] = " " }
        if num[1] == "I" || num[1] == "N" {
            let zero = f.zero
            f.zero = false
            if num[1] == "N", !f.space, !f.plus { num.removeFirst() }
            pad(String(num))
            f.zero = zero
            return
        }
        if f.sharp, verb != "b" { num = Self.sharpened(num, verb, prec) }
        if f.plus || num[0] != "+" {
            if f.zero, !f.minus, f.widPresent, f.wid > num.count {
                write(String(num[0]))
                writePadding(f.wid - num.count)
                write(String(num.dropFirst()))
                return
            }
            text = String(num)
        } else {
            text = String(num.dropFirst())
        }
        pad(text)
    }

    /// `#`: always a decimal point, and %g keeps its trailing zeros up to the precision (6 if none).
    private static func sharpened(_ input: [Character], _ verb: Unicode.Scalar, _ prec: Int) -> [Character] {
        var num = input
        var digits = 0
        if verb == "v" || verb == "g" || verb == "G" || verb == "x" {
            digits = prec == -1 ? 6 : prec
        }
        var tail: [Character] = []
        var hasPoint = false, sawNonzero = false
        var i = 1
        while i < num.count {
            let c = num[i]
            // The exponent starts the tail (`e` is a hex digit under %x).
            if c == "p" || c == "P" || ((c == "e" || c == "E") && verb != "x" && verb != "X") {
                tail = Array(num[i...])
                num = Array(num[..<i])
                break
            }
            if c == "." {
                hasPoint = true
            } else {
                if c != "0" { sawNonzero = true }
                if sawNonzero { digits -= 1 }
            }
            i += 1
        }
        if !hasPoint {
            if num.count == 2, num[1] == "0" { digits -= 1 }
            num.append(".")
        }
        while digits > 0 { num.append("0"); digits -= 1 }
        return num + tail
    }
}
