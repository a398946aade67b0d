import BigInt
import Foundation
import StrataRegoAST

/// Go reference-layout parsing (`time.Parse`) for `time.parse_ns`: the layout is read element by element (the same
/// elements `time.format` writes) and the value consumed accordingly, with Go's error messages.
enum GoTimeParse {
    struct Fields {
        var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos: Int64 = 0
        var pm: Bool?
        var offset: Int?
        var zoneName: String?
    }

    static func parse(_ rawLayout: String, _ value: String) throws(BuiltinError) -> Int64 {
        let layout = GoTimeFormat.constants[rawLayout] ?? rawLayout
        let v = Array(value.utf8)
        var i = 0
        var rest = Substring(layout)
        var f = Fields()
        // Errors quote the value from where the failing layout element began, as Go does.
        var elementStart = 0
        func fail(_ elem: String) -> BuiltinError {
            let remaining = String(decoding: v[min(elementStart, v.count)...], as: UTF8.self)
            return BuiltinError("parsing time \(Value.quoted(value)) as \(Value.quoted(rawLayout)): cannot parse \(Value.quoted(remaining)) as \(Value.quoted(elem))")
        }
        func digits(_ min: Int, _ max: Int, _ elem: String) throws(BuiltinError) -> Int {
            var n = 0, count = 0
            while count < max, i < v.count, (0x30...0x39).contains(v[i]) { n = n * 10 + Int(v[i] - 0x30); i += 1; count += 1 }
            guard count >= min else { throw fail(elem) }
            return n
        }
        func word(_ names: [String], _ elem: String) throws(BuiltinError) -> Int {
            for (k, name) in names.enumerated() {
                let u = Array(name.utf8)
                if i + u.count <= v.count, String(decoding: v[i..<i + u.count], as: UTF8.self).lowercased() == name.lowercased() {
                    i += u.count
                    return k
                }
            }
            throw fail(elem)
        }
        while !rest.isEmpty {
            elementStart = i
            if let frac = GoTimeFormat.fraction(rest) {
                // `.000` needs exactly that many digits; `.999` accepts any (including none when the separator is absent).
                rest = rest.dropFirst(frac.count)
                let width = frac.count - 1
                if frac.dropFirst().first == "9" {
                    guard i < v.count, v[i] == 0x2E || v[i] == 0x2C else { continue }
                } else {
                    guard i < v.count, v[i] == 0x2E || v[i] == 0x2C else { throw fail(String(frac)) }
                }
                let start = i
                i += 1
                let n = frac.dropFirst().first == "9" ? try digits(1, 64, String(frac)) : try digits(width, width, String(frac))
                f.nanos = nanos(v[(start + 1)..<i], fallback: n)
                continue
            }
            guard let el = GoTimeFormat.elements.first(where: { rest.hasPrefix($0) }) else {
                let c = Array(String(rest.first!).utf8)
                guard i + c.count <= v.count, Array(v[i..<i + c.count]) == c else { throw fail(String(rest.prefix(while: { !isElementStart($0) }))) }
                i += c.count
                rest = rest.dropFirst()
                continue
            }
            rest = rest.dropFirst(el.count)
            switch el {
            case "2006": f.year = try digits(4, 4, el)
            case "06": let y = try digits(2, 2, el); f.year = y >= 69 ? 1900 + y : 2000 + y
            case "01": f.month = try digits(2, 2, el)
            case "1": f.month = try digits(1, 2, el)
            case "Jan": f.month = try word(GoTimeFormat.months.map { String($0.prefix(3)) }, el) + 1
            case "January": f.month = try word(GoTimeFormat.months, el) + 1
            case "02": f.day = try digits(2, 2, el)
            case "_2":
                if i < v.count, v[i] == 0x20 { i += 1 }
                f.day = try digits(1, 2, el)
            case "2": f.day = try digits(1, 2, el)
            case "15": f.hour = try digits(1, 2, el)
            case "03": f.hour = try digits(2, 2, el)
            case "3": f.hour = try digits(1, 2, el)
            case "04": f.minute = try digits(2, 2, el)
            case "4": f.minute = try digits(1, 2, el)
            case "05", "5":
                f.second = try digits(el == "05" ? 2 : 1, 2, el)
                // Go accepts a fractional second after the seconds even when the layout has none.
                if i + 1 < v.count, v[i] == 0x2E || v[i] == 0x2C, (0x30...0x39).contains(v[i + 1]), GoTimeFormat.fraction(rest) == nil {
                    let start = i + 1
                    i += 1
                    _ = try digits(1, 64, el)
                    f.nanos = nanos(v[start..<i], fallback: 0)
                }
            case "PM", "pm": f.pm = try word(["AM", "PM"], el) == 1
            case "Mon": _ = try word(GoTimeFormat.days.map { String($0.prefix(3)) }, el)
            case "Monday": _ = try word(GoTimeFormat.days, el)
            case "MST":
                let start = i
                while i < v.count, (0x41...0x5A).contains(v[i]) { i += 1 }
                guard i - start >= 3 else { i = start; throw fail(el) }
                let name = String(decoding: v[start..<i], as: UTF8.self)
                f.zoneName = name
                if name == "UTC" || name == "GMT" { f.offset = 0 }
            case "Z07:00", "Z0700", "-07:00", "-0700", "-07":
                if el.hasPrefix("Z"), i < v.count, v[i] == 0x5A { i += 1; f.offset = 0; continue }
                guard i < v.count, v[i] == 0x2B || v[i] == 0x2D else { throw fail(el) }
                let sign = v[i] == 0x2D ? -1 : 1
                i += 1
                let h = try digits(2, 2, el)
                var m = 0
                if el.hasSuffix(":00") {
                    guard i < v.count, v[i] == 0x3A else { throw fail(el) }
                    i += 1
                    m = try digits(2, 2, el)
                } else if el.hasSuffix("0700") {
                    m = try digits(2, 2, el)
                }
                f.offset = sign * (h * 3600 + m * 60)
            default:
                throw fail(el)
            }
        }
        guard i == v.count else {
            throw BuiltinError("parsing time \(Value.quoted(value)): extra text: \(Value.quoted(String(decoding: v[i...], as: UTF8.self)))")
        }
        if let pm = f.pm {
            guard (1...12).contains(f.hour) else { throw BuiltinError("parsing time \(Value.quoted(value)): hour out of range") }
            if pm, f.hour < 12 { f.hour += 12 } else if !pm, f.hour == 12 { f.hour = 0 }
        }
        guard (1...12).contains(f.month) else { throw BuiltinError("parsing time \(Value.quoted(value)): month out of range") }
        guard f.day >= 1, f.day <= daysIn(f.month, f.year) else { throw BuiltinError("parsing time \(Value.quoted(value)): day out of range") }
        guard f.hour < 24 else { throw BuiltinError("parsing time \(Value.quoted(value)): hour out of range") }
        guard f.minute < 60 else { throw BuiltinError("parsing time \(Value.quoted(value)): minute out of range") }
        guard f.second < 60 else { throw BuiltinError("parsing time \(Value.quoted(value)): second out of range") }
        // Go gives an abbreviation it does not know in the (UTC) local zone a zero offset.
        let offset = f.offset ?? 0
        let days = RFC3339.daysFromCivil(f.year, f.month, f.day)
        let seconds = Int64(days) * 86_400 + Int64(f.hour * 3600 + f.minute * 60 + f.second) - Int64(offset)
        guard let ns = Int64(exactly: BigInt(seconds) * 1_000_000_000 + BigInt(f.nanos)) else {
            throw BuiltinError("time outside of valid range")
        }
        return ns
    }

    /// Nanoseconds from fraction digits (extra digits beyond nine are truncated, as in Go).
    private static func nanos(_ digits: ArraySlice<UInt8>, fallback: Int) -> Int64 {
        var n: Int64 = 0
        var count = 0
        for d in digits.prefix(9) { n = n * 10 + Int64(d - 0x30); count += 1 }
        for _ in count..<9 { n *= 10 }
        return digits.isEmpty ? Int64(fallback) : n
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func isElementStart(_ c: Character) -> Bool {
        GoTimeFormat.elements.contains { $0.first == c }
    }
}
