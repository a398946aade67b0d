/// Helpers on ASCII bytes and strings shared by the schemes. Numbers are compared as digit strings, so no
/// component is ever too large to order.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    static func lower(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }

    /// Compares two runs of decimal digits by value (leading zeros ignored); -1, 0 or 1.
    static func compareNumeric<C: Collection>(_ lhs: C, _ rhs: C) -> Int where C.Element == UInt8 {
        let left = lhs.drop { $0 == 0x30 }
        let right = rhs.drop { $0 == 0x30 }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        return compareBytes(left, right)
    }

    /// Byte-wise lexicographic comparison (C `strcmp` order); -1, 0 or 1.
    static func compareBytes<C: Collection>(_ lhs: C, _ rhs: C) -> Int where C.Element == UInt8 {
        var left = lhs.makeIterator()
        var right = rhs.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (l?, r?) where l != r: return l < r ? -1 : 1
            default: continue
            }
        }
    }

    /// The decimal value of a digit run that is known to be short, or nil if it would overflow.
    static func smallValue<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        var value = 0
        for byte in digits {
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int(byte - 0x30))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }
}

extension Int {
    /// -1, 0 or 1 from `<`-comparable values.
    static func order<T: Comparable>(_ lhs: T, _ rhs: T) -> Int { lhs < rhs ? -1 : (lhs == rhs ? 0 : 1) }
}

extension String {
    func trimmingASCIISpaces() -> String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !" \t\n\r".utf8.contains($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !" \t\n\r".utf8.contains($0) }) ?? first
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

extension StringProtocol {
    /// Splits at the first `separator`: the part before and the part after (nil when absent).
    func splitOnce(_ separator: Character) -> (Substring, Substring?) {
        let whole = Substring(self)
        guard let index = whole.firstIndex(of: separator) else { return (whole, nil) }
        return (whole[..<index], whole[whole.index(after: index)...])
    }
}
