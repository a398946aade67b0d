/// PHP's `version_compare`: the string is cut into runs of digits and runs of other alphanumerics
/// (anything else separates); numbers compare numerically; words by the special forms
/// `any other < dev < alpha = a < beta = b < RC = rc < (number) < pl = p`, matched by prefix.
enum PHPVersionCompare {
    static let specialForms: [(String, Int)] = [
        ("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4), ("pl", 5), ("p", 5),
    ]

    /// -1, 0 or 1.
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        let left = parts(lhs), right = parts(rhs)
        for (l, r) in zip(left, right) {
            let order = compareParts(l, r)
            if order != 0 { return order }
        }
        if left.count > right.count { return isNumber(left[right.count]) ? 1 : Int.order(rank(left[right.count]), 4) }
        if right.count > left.count { return isNumber(right[left.count]) ? -1 : Int.order(4, rank(right[left.count])) }
        return 0
    }

    private static func compareParts(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        switch (isNumber(lhs), isNumber(rhs)) {
        case (true, true): return ASCII.compareNumeric(lhs, rhs)
        case (false, false): return Int.order(rank(lhs), rank(rhs))
        case (true, false): return Int.order(4, rank(rhs))
        case (false, true): return Int.order(rank(lhs), 4)
        }
    }

    private static func isNumber(_ part: [UInt8]) -> Bool { part.first.map(ASCII.isDigit) ?? false }

    private static func rank(_ part: [UInt8]) -> Int {
        specialForms.first { part.starts(with: Array($0.0.utf8)) }?.1 ?? -1
    }

    /// Digit runs and runs of other alphanumeric characters, in order.
    static func parts(_ text: String) -> [[UInt8]] {
        var result = [[UInt8]]()
        var current = [UInt8]()
        for byte in text.utf8 {
            let continues = !current.isEmpty && ASCII.isAlphanumeric(byte) && ASCII.isDigit(byte) == ASCII.isDigit(current[0])
            if !continues, !current.isEmpty {
                result.append(current)
                current = []
            }
            if ASCII.isAlphanumeric(byte) { current.append(byte) }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
