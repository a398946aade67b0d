/// An Alpine (apk) package version: `1.2.3[letter][_suffix[N]]…[-rN]`.
///
/// Ordered by the Gentoo rules that apk follows (PMS §3.3): the first number numerically; later
/// numbers numerically unless one starts with `0`, then as strings with trailing zeros removed;
/// more numbers is greater; a letter beats no letter; suffixes in the order
/// `_alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p`, each with its number;
/// the revision `-rN` last. Also used for Wolfi and Chainguard.
public struct APKVersion: ParsableVersion {
    public static let schemeID = "apk"

    /// Suffix names in ascending order; the first four sort before the bare version.
    public static let suffixOrder = ["alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"]
    static let preReleaseCount = 4

    public struct Suffix: Sendable, Equatable {
        /// Index in ``APKVersion/suffixOrder``.
        public let rank: Int
        public let number: String
    }

    public let numbers: [String]
    public let letter: UInt8?
    public let suffixes: [Suffix]
    public let revision: String
    private let text: String

    public init(parsing text: String) throws(VersionParseError) {
        var scanner = ByteScanner(text)
        guard !scanner.atEnd else { throw Self.error(.empty, text, "empty version") }
        var numbers = [String]()
        repeat {
            let digits = scanner.take(ASCII.isDigit)
            guard !digits.isEmpty else { throw Self.error(.invalidFormat, text, "expected a number") }
            numbers.append(digits)
        } while scanner.skip(".")
        letter = scanner.peek.flatMap { $0 >= 0x61 && $0 <= 0x7A ? $0 : nil }
        if letter != nil { scanner.index += 1 }
        suffixes = try Self.parseSuffixes(&scanner, text)
        revision = try Self.parseRevision(&scanner, text)
        guard scanner.atEnd else { throw Self.error(.invalidCharacter, text, "unexpected character") }
        self.numbers = numbers
        self.text = text
    }

    private static func parseSuffixes(_ scanner: inout ByteScanner, _ text: String) throws(VersionParseError) -> [Suffix] {
        var suffixes = [Suffix]()
        while scanner.skip("_") {
            let name = scanner.take { $0 >= 0x61 && $0 <= 0x7A }
            guard let rank = suffixOrder.firstIndex(of: name) else {
                throw error(.invalidFormat, text, "unknown suffix _\(name)")
            }
            suffixes.append(Suffix(rank: rank, number: scanner.take(ASCII.isDigit)))
        }
        return suffixes
    }

    private static func parseRevision(_ scanner: inout ByteScanner, _ text: String) throws(VersionParseError) -> String {
        guard scanner.skip("-") else { return "" }
        guard scanner.skip("r") else { throw error(.invalidFormat, text, "revision must be -rN") }
        let digits = scanner.take(ASCII.isDigit)
        guard !digits.isEmpty else { throw error(.missingComponent, text, "revision without a number") }
        return digits
    }

    private static func error(_ code: VersionParseError.Code, _ text: String, _ reason: String) -> VersionParseError {
        VersionParseError(code, scheme: schemeID, input: text, reason: reason)
    }

    public var description: String { text }

    public static func == (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) < 0 }

    static func compare(_ lhs: Self, _ rhs: Self) -> Int {
        let byNumbers = compareNumbers(lhs.numbers, rhs.numbers)
        if byNumbers != 0 { return byNumbers }
        if lhs.letter != rhs.letter { return Int.order(Int(lhs.letter ?? 0), Int(rhs.letter ?? 0)) }
        let bySuffixes = compareSuffixes(lhs.suffixes, rhs.suffixes)
        if bySuffixes != 0 { return bySuffixes }
        return ASCII.compareNumeric(Array(lhs.revision.utf8), Array(rhs.revision.utf8))
    }

    private static func compareNumbers(_ lhs: [String], _ rhs: [String]) -> Int {
        for index in 0..<min(lhs.count, rhs.count) {
            let left = Array(lhs[index].utf8), right = Array(rhs[index].utf8)
            let fractional = index > 0 && (left.first == 0x30 || right.first == 0x30)
            let order = fractional
                ? ASCII.compareBytes(left.reversed().drop { $0 == 0x30 }.reversed(), right.reversed().drop { $0 == 0x30 }.reversed())
                : ASCII.compareNumeric(left, right)
            if order != 0 { return order }
        }
        return Int.order(lhs.count, rhs.count)
    }

    private static func compareSuffixes(_ lhs: [Suffix], _ rhs: [Suffix]) -> Int {
        for index in 0..<max(lhs.count, rhs.count) {
            guard index < lhs.count else { return rhs[index].rank < preReleaseCount ? 1 : -1 }
            guard index < rhs.count else { return lhs[index].rank < preReleaseCount ? -1 : 1 }
            let (left, right) = (lhs[index], rhs[index])
            if left.rank != right.rank { return Int.order(left.rank, right.rank) }
            let byNumber = ASCII.compareNumeric(Array(left.number.utf8), Array(right.number.utf8))
            if byNumber != 0 { return byNumber }
        }
        return 0
    }
}
