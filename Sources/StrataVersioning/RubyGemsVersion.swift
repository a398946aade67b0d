/// A RubyGems version (`Gem::Version`): `[0-9]+(\.[0-9A-Za-z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?`.
///
/// A `-` means `.pre.`; the version splits into runs of digits and runs of letters; it is a
/// pre-release if it has letters. Order: trailing zeros are dropped from the numeric part and from
/// the part starting at the first letters (`1.0.a` = `1.a`), then segments compare pairwise with
/// missing ones as 0, numbers numerically, strings bytewise, and any string below any number.
public struct RubyGemsVersion: ParsableVersion {
    public static let schemeID = "rubygems"

    enum Segment: Sendable, Equatable {
        case number(String)
        case string(String)
    }

    let canonicalSegments: [Segment]
    private let text: String

    public init(parsing text: String) throws(VersionParseError) {
        let trimmed = text.trimmingASCIISpaces()
        guard !trimmed.isEmpty else { throw VersionParseError(.empty, scheme: Self.schemeID, input: text, reason: "empty version") }
        guard Self.isWellFormed(trimmed) else {
            throw VersionParseError(.invalidFormat, scheme: Self.schemeID, input: text, reason: "not a Gem::Version")
        }
        self.text = trimmed
        canonicalSegments = Self.canonical(Self.segments(trimmed))
    }

    /// True when the version has letters (`1.0.a`, `1.0-1`, `2.0.0.rc1`).
    public var isPrerelease: Bool { text.utf8.contains(where: ASCII.isLetter) || text.contains("-") }

    public var description: String { text }

    private static func isWellFormed(_ text: String) -> Bool {
        let (release, pre) = text.splitOnce("-")
        let releaseParts = release.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = releaseParts.first, !first.isEmpty, first.utf8.allSatisfy(ASCII.isDigit) else { return false }
        guard releaseParts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(ASCII.isAlphanumeric) }) else { return false }
        guard let pre else { return true }
        return pre.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func segments(_ text: String) -> [Segment] {
        var scanner = ByteScanner(text.split(separator: "-", omittingEmptySubsequences: false).joined(separator: ".pre."))
        var result = [Segment]()
        while let byte = scanner.peek {
            if ASCII.isDigit(byte) {
                result.append(.number(scanner.take(ASCII.isDigit)))
            } else if ASCII.isLetter(byte) {
                result.append(.string(scanner.take(ASCII.isLetter)))
            } else {
                scanner.index += 1
            }
        }
        return result
    }

    /// Drops trailing zeros of the numeric prefix and of the rest, separately.
    private static func canonical(_ segments: [Segment]) -> [Segment] {
        let firstString = segments.firstIndex { if case .string = $0 { return true } else { return false } } ?? segments.count
        func dropTrailingZeros(_ part: ArraySlice<Segment>) -> [Segment] {
            var part = Array(part)
            while let last = part.last, isZero(last) { part.removeLast() }
            return part
        }
        return dropTrailingZeros(segments[..<firstString]) + dropTrailingZeros(segments[firstString...])
    }

    private static func isZero(_ segment: Segment) -> Bool {
        if case .number(let digits) = segment { return digits.utf8.allSatisfy { $0 == 0x30 } }
        return false
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) < 0 }

    static func compare(_ lhs: Self, _ rhs: Self) -> Int {
        let left = lhs.canonicalSegments, right = rhs.canonicalSegments
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index] : .number("0")
            let r = index < right.count ? right[index] : .number("0")
            switch (l, r) {
            case let (.number(a), .number(b)):
                let order = ASCII.compareNumeric(Array(a.utf8), Array(b.utf8))
                if order != 0 { return order }
            case let (.string(a), .string(b)):
                let order = ASCII.compareBytes(Array(a.utf8), Array(b.utf8))
                if order != 0 { return order }
            case (.string, .number): return -1
            case (.number, .string): return 1
            }
        }
        return 0
    }
}
