/// Exact decimal comparison of number texts. OPA compares numbers as the decimals they denote, so a
/// literal beyond `Double` (`1e-400`, `0.1234567890123456789`) still orders and compares exactly; Strata
/// does that whenever a number carries its written text.
extension RegoNumber {
    /// -1, 0 or 1, comparing the decimals that `text` denotes for each side.
    static func exactCompare(_ a: RegoNumber, _ b: RegoNumber) -> Int {
        let x = DecimalText(a.text), y = DecimalText(b.text)
        return x.compare(y)
    }

    /// A decimal as sign, significant digits (no leading or trailing zeros) and the power of ten of the
    /// position before the first digit: value = 0.d₁d₂… × 10^point.
    private struct DecimalText {
        var negative = false
        var digits: [UInt8] = []
        var point = 0

        init(_ text: String) {
            var bytes = Array(text.utf8)[...]
            if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() } else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var exponent = 0
            if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                // Saturate absurd exponents (`1e99999999999999999999`) instead of misreading them as 0.
                let digits = String(decoding: bytes[(e + 1)...], as: UTF8.self)
                exponent = Int(digits).map { max(-1 << 40, min(1 << 40, $0)) } ?? (digits.hasPrefix("-") ? -1 << 40 : 1 << 40)
                bytes = bytes[..<e]
            }
            var intCount = 0
            var seenPoint = false
            for c in bytes {
                if c == UInt8(ascii: ".") { seenPoint = true; continue }
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { continue }
                digits.append(c)
                if !seenPoint { intCount += 1 }
            }
            var leading = 0
            while leading < digits.count, digits[leading] == UInt8(ascii: "0") { leading += 1 }
            digits.removeFirst(leading)
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
            point = intCount - leading + exponent
            if digits.isEmpty { negative = false; point = 0 }
        }

        func compare(_ other: DecimalText) -> Int {
            if negative != other.negative {
                return negative ? -1 : 1  // zero is never negative here
            }
            let sign = negative ? -1 : 1
            switch (digits.isEmpty, other.digits.isEmpty) {
            case (true, true): return 0
            case (true, false): return -1  // the other is positive: a negative one differed in sign above
            case (false, true): return 1
            default: break
            }
            if point != other.point { return (point < other.point ? -1 : 1) * sign }
            for (p, q) in zip(digits, other.digits) where p != q { return (p < q ? -1 : 1) * sign }
            if digits.count == other.digits.count { return 0 }
            return (digits.count < other.digits.count ? -1 : 1) * sign
        }
    }
}
