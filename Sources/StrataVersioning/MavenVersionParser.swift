/// Splits a (lowercased) version into Maven's nested items. Nesting only deepens, so the lists
/// form a chain, each one the last item of the one before; they are normalised innermost first.
enum MavenVersionParser {
    static func parse(_ text: String) -> [MavenVersion.Item] {
        let bytes = Array(text.utf8)
        var chain: [[MavenVersion.Item]] = [[]]
        var start = 0
        var inDigits = false
        for (index, byte) in bytes.enumerated() {
            let segment = { String(decoding: bytes[start..<index], as: UTF8.self) }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                chain[chain.count - 1].append(index == start ? .number("0") : item(segment(), digits: inDigits, followedByDigit: false))
                start = index + 1
                if byte == UInt8(ascii: "-") { chain.append([]) }
            } else if ASCII.isDigit(byte) != inDigits {
                if index > start {
                    // A qualifier followed by digits (`1.0.alpha1`) starts its own list unless it opens one.
                    if !inDigits, !chain[chain.count - 1].isEmpty { chain.append([]) }
                    chain[chain.count - 1].append(item(segment(), digits: inDigits, followedByDigit: !inDigits))
                    start = index
                    chain.append([])
                }
                inDigits.toggle()
            }
        }
        if bytes.count > start {
            // A final `.qualifier` is read as `-qualifier` (`1.0.sp` = `1-sp`).
            if !inDigits, !chain[chain.count - 1].isEmpty { chain.append([]) }
            chain[chain.count - 1].append(item(String(decoding: bytes[start...], as: UTF8.self), digits: inDigits, followedByDigit: false))
        }
        var inner = normalize(chain.removeLast())
        while !chain.isEmpty {
            inner = normalize(chain.removeLast() + [.list(inner)])
        }
        return inner
    }

    static let aliases = ["ga": "", "final": "", "release": "", "cr": "rc"]
    static let shortForms = ["a": "alpha", "b": "beta", "m": "milestone"]

    private static func item(_ segment: String, digits: Bool, followedByDigit: Bool) -> MavenVersion.Item {
        if digits { return .number(segment) }
        let expanded = followedByDigit ? (shortForms[segment] ?? segment) : segment
        return .qualifier(aliases[expanded] ?? expanded)
    }

    /// Removes null items from the end, looking past non-null lists.
    private static func normalize(_ list: [MavenVersion.Item]) -> [MavenVersion.Item] {
        var list = list
        var index = list.count - 1
        while index >= 0 {
            if MavenOrder.isNull(list[index]) {
                list.remove(at: index)
            } else if case .list = list[index] {
            } else {
                break
            }
            index -= 1
        }
        return list
    }
}
