/// A Debian package version, `[epoch:]upstream[-revision]`, ordered as dpkg does
/// (deb-version(7)): epochs numerically, then upstream and revision by the dpkg string algorithm,
/// in which `~` sorts before everything (even the end of the string), letters sort before
/// non-letters, and runs of digits compare numerically. Also used for Ubuntu.
public struct DebianVersion: ParsableVersion {
    public static let schemeID = "debian"

    /// The epoch as digits (absent means 0).
    public let epoch: String
    public let upstream: String
    /// The Debian revision, empty when absent (which orders as `0`).
    public let revision: String

    public init(parsing text: String) throws(VersionParseError) {
        let parts = try EpochVersionRelease(text, scheme: Self.schemeID, releaseName: "revision")
        let (epoch, rest, revision) = (parts.epoch, parts.version, parts.release)
        try Self.check(upstream: rest, revision: revision, text: text)
        self.epoch = epoch
        self.upstream = String(rest)
        self.revision = String(revision)
    }

    private static func check(upstream: Substring, revision: Substring, text: String) throws(VersionParseError) {
        guard let first = upstream.utf8.first else { throw error(.missingComponent, text, "empty upstream version") }
        guard ASCII.isDigit(first) else { throw error(.invalidFormat, text, "upstream version does not start with a digit") }
        let upstreamOK = upstream.utf8.allSatisfy { ASCII.isAlphanumeric($0) || ".+~-:".utf8.contains($0) }
        let revisionOK = revision.utf8.allSatisfy { ASCII.isAlphanumeric($0) || ".+~".utf8.contains($0) }
        guard upstreamOK, revisionOK else { throw error(.invalidCharacter, text, "character not allowed by deb-version(7)") }
    }

    private static func error(_ code: VersionParseError.Code, _ text: String, _ reason: String) -> VersionParseError {
        VersionParseError(code, scheme: schemeID, input: text, reason: reason)
    }

    public var description: String {
        (epoch == "0" ? "" : "\(epoch):") + upstream + (revision.isEmpty ? "" : "-\(revision)")
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) < 0 }

    static func compare(_ lhs: Self, _ rhs: Self) -> Int {
        let byEpoch = ASCII.compareNumeric(Array(lhs.epoch.utf8), Array(rhs.epoch.utf8))
        if byEpoch != 0 { return byEpoch }
        let byUpstream = DpkgStringOrder.compare(lhs.upstream, rhs.upstream)
        if byUpstream != 0 { return byUpstream }
        return DpkgStringOrder.compare(lhs.revision, rhs.revision)
    }
}

/// The dpkg comparison of one version part: alternating non-digit and digit runs.
enum DpkgStringOrder {
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        var i = 0, j = 0
        while i < left.count || j < right.count {
            while (i < left.count && !ASCII.isDigit(left[i])) || (j < right.count && !ASCII.isDigit(right[j])) {
                let l = weight(i < left.count ? left[i] : nil), r = weight(j < right.count ? right[j] : nil)
                if l != r { return l < r ? -1 : 1 }
                i += 1
                j += 1
            }
            let leftStart = i, rightStart = j
            while i < left.count, ASCII.isDigit(left[i]) { i += 1 }
            while j < right.count, ASCII.isDigit(right[j]) { j += 1 }
            let byNumber = ASCII.compareNumeric(left[leftStart..<i], right[rightStart..<j])
            if byNumber != 0 { return byNumber }
        }
        return 0
    }

    /// `~` < end of string (and digits) < letters < everything else.
    private static func weight(_ byte: UInt8?) -> Int {
        guard let byte, !ASCII.isDigit(byte) else { return 0 }
        if byte == UInt8(ascii: "~") { return -1 }
        if ASCII.isLetter(byte) { return Int(byte) }
        return Int(byte) + 256
    }
}
