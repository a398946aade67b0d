import BigInt
import Foundation
import StrataRegoAST

/// RFC 3339 with nanoseconds, parsed by hand so precision is not lost.
enum RFC3339 {
    static func parse(_ s: String) throws(BuiltinError) -> Int64 {
        let fail = BuiltinError("parsing time \(Value.quoted(s)) as \"2006-01-02T15:04:05Z07:00\": cannot parse")
        let chars = Array(s.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= chars.count else { return nil }
            return Int(String(decoding: chars[from..<from + len], as: UTF8.self))
        }
        guard chars.count >= 20, let y = num(0, 4), chars[4] == 0x2D, let mo = num(5, 2), chars[7] == 0x2D, let d = num(8, 2),
              chars[10] == 0x54 || chars[10] == 0x74, let h = num(11, 2), chars[13] == 0x3A, let mi = num(14, 2), chars[16] == 0x3A,
              let sec = num(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 60 else { throw fail }
        var i = 19
        var nanos: Int64 = 0
        if i < chars.count, chars[i] == 0x2E {
            i += 1
            var digits = 0
            while i < chars.count, (0x30...0x39).contains(chars[i]) {
                if digits < 9 { nanos = nanos * 10 + Int64(chars[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { throw fail }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        guard i < chars.count else { throw fail }
        var offset = 0
        if chars[i] == 0x5A || chars[i] == 0x7A {
            i += 1
        } else {
            guard chars[i] == 0x2B || chars[i] == 0x2D, let oh = num(i + 1, 2), chars.count > i + 3, chars[i + 3] == 0x3A, let om = num(i + 4, 2) else { throw fail }
            offset = (oh * 3600 + om * 60) * (chars[i] == 0x2D ? -1 : 1)
            i += 6
        }
        guard i == chars.count else { throw fail }
        let days = daysFromCivil(y, mo, d)
        let seconds = Int64(days) * 86_400 + Int64(h * 3600 + mi * 60 + sec) - Int64(offset)
        let total = BigInt(seconds) * 1_000_000_000 + BigInt(nanos)
        guard let ns = Int64(exactly: total) else { throw BuiltinError("time outside of valid range") }
        return ns
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// `time.parse_ns` layouts: RFC 3339 has a fast path; everything else (and its errors) is Go's layout parser.
enum GoLayout {
    static func parse(_ layout: String, _ value: String) throws(BuiltinError) -> Int64 {
        if layout == "2006-01-02T15:04:05Z07:00" || layout == "RFC3339", let ns = try? RFC3339.parse(value) { return ns }
        return try GoTimeParse.parse(layout, value)
    }
}
