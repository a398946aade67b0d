/// An RPM `[epoch:]version[-release]` (EVR), ordered as rpm does: epochs numerically (absent = 0),
/// then version and release by `rpmvercmp`. Used for Red Hat, AlmaLinux, Rocky Linux, SUSE, …
///
/// A missing release orders before any release (`1.0` < `1.0-1`), which keeps the order total;
/// rpm's dependency matcher instead ignores the release when one side lacks it.
public struct RPMVersion: ParsableVersion {
    public static let schemeID = "rpm"

    /// The epoch as digits (absent means 0).
    public let epoch: String
    public let version: String
    /// Empty when absent.
    public let release: String

    public init(parsing text: String) throws(VersionParseError) {
        let parts = try EpochVersionRelease(text, scheme: Self.schemeID, releaseName: "release")
        let (epoch, rest, release) = (parts.epoch, parts.version, parts.release)
        guard !rest.isEmpty else { throw Self.error(.missingComponent, text, "empty version") }
        let allowed = { (byte: UInt8) in ASCII.isAlphanumeric(byte) || "._+~^".utf8.contains(byte) }
        guard rest.utf8.allSatisfy(allowed), release.utf8.allSatisfy(allowed) else {
            throw Self.error(.invalidCharacter, text, "character not allowed in an RPM version")
        }
        self.epoch = epoch
        self.version = String(rest)
        self.release = String(release)
    }

    private static func error(_ code: VersionParseError.Code, _ text: String, _ reason: String) -> VersionParseError {
        VersionParseError(code, scheme: schemeID, input: text, reason: reason)
    }

    public var description: String {
        (epoch == "0" ? "" : "\(epoch):") + version + (release.isEmpty ? "" : "-\(release)")
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) < 0 }

    static func compare(_ lhs: Self, _ rhs: Self) -> Int {
        let byEpoch = ASCII.compareNumeric(Array(lhs.epoch.utf8), Array(rhs.epoch.utf8))
        if byEpoch != 0 { return byEpoch }
        let byVersion = RPMVerCmp.compare(lhs.version, rhs.version)
        if byVersion != 0 { return byVersion }
        if lhs.release.isEmpty || rhs.release.isEmpty {
            return lhs.release.isEmpty == rhs.release.isEmpty ? 0 : (lhs.release.isEmpty ? -1 : 1)
        }
        return RPMVerCmp.compare(lhs.release, rhs.release)
    }
}

/// rpm's segment comparison: alphanumeric runs separated by anything else; `~` sorts before
/// everything, `^` after the end of the string but before any other segment; digits beat letters.
public enum RPMVerCmp {
    /// -1, 0 or 1.
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        if lhs == rhs { return 0 }
        var a = Cursor(Array(lhs.utf8)), b = Cursor(Array(rhs.utf8))
        while !a.atEnd || !b.atEnd {
            a.skipSeparators()
            b.skipSeparators()
            if let special = specialMarks(&a, &b) {
                if special == 0 { continue }
                return special
            }
            if a.atEnd || b.atEnd { break }
            let numeric = ASCII.isDigit(a.current)
            let left = a.take(numeric ? ASCII.isDigit : ASCII.isLetter)
            let right = b.take(numeric ? ASCII.isDigit : ASCII.isLetter)
            if right.isEmpty { return numeric ? 1 : -1 }
            let order = numeric ? ASCII.compareNumeric(left, right) : ASCII.compareBytes(left, right)
            if order != 0 { return order }
        }
        if a.atEnd && b.atEnd { return 0 }
        return a.atEnd ? -1 : 1
    }

    /// Handles `~` and `^` at the cursors: nil when neither is there, 0 when both were consumed.
    private static func specialMarks(_ a: inout Cursor, _ b: inout Cursor) -> Int? {
        for mark in [UInt8(ascii: "~"), UInt8(ascii: "^")] {
            let left = a.peek == mark, right = b.peek == mark
            if left && right {
                a.index += 1
                b.index += 1
                return 0
            }
            if mark == UInt8(ascii: "~") && (left || right) { return left ? -1 : 1 }
            if left { return b.atEnd ? 1 : -1 }
            if right { return a.atEnd ? -1 : 1 }
        }
        return nil
    }

    struct Cursor {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { index >= bytes.count }
        var current: UInt8 { bytes[index] }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        mutating func skipSeparators() {
            while !atEnd, !ASCII.isAlphanumeric(current), current != UInt8(ascii: "~"), current != UInt8(ascii: "^") {
                index += 1
            }
        }

        mutating func take(_ predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
            let start = index
            while !atEnd, predicate(current) { index += 1 }
            return bytes[start..<index]
        }
    }
}
