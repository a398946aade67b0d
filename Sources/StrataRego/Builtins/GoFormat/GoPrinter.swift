/// Go's `fmt.Sprintf`, reimplemented from its documented behaviour (verbs, flags, `*` widths, `[n]`
/// argument indexes and every `%!` error form), because OPA's `sprintf` is Go's and policies print
/// messages with it. The printer works on UTF-8 bytes; widths count Unicode scalars, as Go counts runes.
struct GoPrinter {
    var out: [UInt8] = []
    var f = GoFlags()
    /// Set once an explicit `[n]` index is seen: Go then reports no `%!(EXTRA …)`.
    private var reordered = false
    private var goodArgNum = true

    static func sprintf(_ format: String, _ args: [GoOperand]) -> String {
        var p = GoPrinter()
        p.doPrintf(Array(format.utf8), args)
        return String(decoding: p.out, as: UTF8.self)
    }

    mutating func write(_ s: String) { out.append(contentsOf: s.utf8) }

    private mutating func doPrintf(_ format: [UInt8], _ a: [GoOperand]) {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        var i = 0
        formatLoop: while i < end {
            goodArgNum = true
            let literalStart = i
            while i < end, format[i] != UInt8(ascii: "%") { i += 1 }
            if i > literalStart { out.append(contentsOf: format[literalStart..<i]) }
            if i >= end { break }
            i += 1
            f = GoFlags()
            flags: while i < end {
                let c = format[i]
                switch c {
                case UInt8(ascii: "#"): f.sharp = true
                case UInt8(ascii: "0"): f.zero = !f.minus
                case UInt8(ascii: "+"): f.plus = true
                case UInt8(ascii: "-"): f.minus = true; f.zero = false
                case UInt8(ascii: " "): f.space = true
                default:
                    // Go's fast path: a lowercase verb straight after the flags.
                    if c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z"), argNum < a.count {
                        if c == UInt8(ascii: "v") { f.moveSharpAndPlusToV() }
                        printArg(a[argNum], Unicode.Scalar(c))
                        argNum += 1
                        i += 1
                        continue formatLoop
                    }
                    break flags
                }
                i += 1
            }

            (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count)
            if i < end, format[i] == UInt8(ascii: "*") {
                i += 1
                (f.wid, f.widPresent, argNum) = Self.intFromArg(a, argNum)
                if !f.widPresent { write("%!(BADWIDTH)") }
                if f.wid < 0 { f.wid = -f.wid; f.minus = true; f.zero = false }
                afterIndex = false
            } else {
                (f.wid, f.widPresent, i) = Self.parseNumber(format, i, end)
                if afterIndex, f.widPresent { goodArgNum = false }
            }

            if i + 1 < end, format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count)
                if i < end, format[i] == UInt8(ascii: "*") {
                    i += 1
                    (f.prec, f.precPresent, argNum) = Self.intFromArg(a, argNum)
                    if f.prec < 0 { f.prec = 0; f.precPresent = false }
                    if !f.precPresent { write("%!(BADPREC)") }
                    afterIndex = false
                } else {
                    (f.prec, f.precPresent, i) = Self.parseNumber(format, i, end)
                    if !f.precPresent { f.prec = 0; f.precPresent = true }
                }
            }

            if !afterIndex { (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count) }
            guard i < end else { write("%!(NOVERB)"); break }
            let (verb, size) = Self.scalar(format, i)
            i += size
            if verb == "%" {
                out.append(UInt8(ascii: "%"))  // takes no operand, ignores width and precision
            } else if !goodArgNum {
                badArgument(verb, "BADINDEX")
            } else if argNum >= a.count {
                badArgument(verb, "MISSING")
            } else {
                if verb == "v" { f.moveSharpAndPlusToV() }
                printArg(a[argNum], verb)
                argNum += 1
            }
        }
        if !reordered, argNum < a.count {
            f = GoFlags()
            write("%!(EXTRA ")
            for (k, arg) in a[argNum...].enumerated() {
                if k > 0 { write(", ") }
                write(arg.typeName + "=")
                printArg(arg, "v")
            }
            write(")")
        }
    }

    mutating func printArg(_ arg: GoOperand, _ verb: Unicode.Scalar) {
        if verb == "T" { fmtS(arg.typeName); return }
        switch arg {
        case .int64(let v): fmtInteger(v, verb)
        case .float(let d): fmtFloat(d, verb)
        case .string(let s): fmtString(s, verb)
        case .big(let b): formatBig(b, verb)
        }
    }

    /// `%!verb(type=value)`, the value printed with `%v` under the same flags (so `%.2f` of a string truncates it).
    mutating func badVerb(_ verb: Unicode.Scalar, _ arg: GoOperand) {
        write("%!")
        write(String(verb))
        write("(" + arg.typeName + "=")
        printArg(arg, "v")
        write(")")
    }

    private mutating func badArgument(_ verb: Unicode.Scalar, _ what: String) {
        write("%!")
        write(String(verb))
        write("(" + what + ")")
    }

    /// `[n]` after the flags: a 1-based operand index.
    private mutating func argNumber(_ argNum: Int, _ format: [UInt8], _ i: Int, _ count: Int) -> (Int, Int, Bool) {
        guard i < format.count, format[i] == UInt8(ascii: "[") else { return (argNum, i, false) }
        reordered = true
        let (index, width, ok) = Self.parseArgNumber(format, i)
        if ok, index >= 0, index < count { return (index, i + width, true) }
        goodArgNum = false
        return (argNum, i + width, ok)
    }

    private static func parseArgNumber(_ format: [UInt8], _ start: Int) -> (Int, Int, Bool) {
        guard format.count - start >= 3 else { return (0, 1, false) }
        var j = start + 1
        while j < format.count {
            if format[j] == UInt8(ascii: "]") {
                let (n, isNumber, next) = parseNumber(format, start + 1, j)
                if !isNumber || next != j { return (0, j - start + 1, false) }
                return (n - 1, j - start + 1, true)
            }
            j += 1
        }
        return (0, 1, false)
    }

    /// Decimal digits from `start`; not a number past 1e6, as in Go.
    static func parseNumber(_ s: [UInt8], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
        guard start < end else { return (0, false, end) }
        var num = 0
        var isNumber = false
        var i = start
        while i < end, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
            if num > 1_000_000 || num < -1_000_000 { return (0, false, end) }
            num = num * 10 + Int(s[i] - UInt8(ascii: "0"))
            isNumber = true
            i += 1
        }
        return (num, isNumber, i)
    }

    private static func intFromArg(_ a: [GoOperand], _ argNum: Int) -> (Int, Bool, Int) {
        guard argNum < a.count else { return (0, false, argNum) }
        guard let n = a[argNum].starInteger else { return (0, false, argNum + 1) }
        return (n, true, argNum + 1)
    }

    private static func scalar(_ bytes: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        guard lead >= 0x80 else { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard i + length <= bytes.count, length > 1 else { return ("\u{FFFD}", 1) }
        let text = String(decoding: bytes[i..<(i + length)], as: UTF8.self)
        return (text.unicodeScalars.first ?? "\u{FFFD}", length)
    }

    // MARK: padding

    /// Pads to the width with spaces, or zeros when the zero flag allows (left only).
    mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        out.append(contentsOf: repeatElement(f.zero && !f.minus ? UInt8(ascii: "0") : UInt8(ascii: " "), count: n))
    }

    mutating func pad(_ s: String) {
        guard f.widPresent, f.wid != 0 else { write(s); return }
        let width = f.wid - s.unicodeScalars.count
        if !f.minus {
            writePadding(width)
            write(s)
        } else {
            write(s)
            writePadding(width)
        }
    }

    /// Pads with spaces even under the zero flag (integers put their zeros in as precision).
    mutating func padWithoutZeros(_ s: String) {
        let zero = f.zero
        f.zero = false
        pad(s)
        f.zero = zero
    }
}

/// The state of one verb's flags, width and precision.
struct GoFlags {
    var plus = false, minus = false, sharp = false, space = false, zero = false
    /// `%+v` / `%#v`: Go moves these to separate flags, so plain `%+v` of a number prints no sign.
    var plusV = false, sharpV = false
    var wid = 0, widPresent = false
    var prec = 0, precPresent = false

    mutating func moveSharpAndPlusToV() {
        sharpV = sharp
        sharp = false
        plusV = plus
        plus = false
    }
}
