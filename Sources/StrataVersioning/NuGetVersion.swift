/// A NuGet package version (`NuGetVersion`): one to four numbers `Major.Minor.Patch.Revision`
/// (missing ones are 0, leading zeros allowed), an optional SemVer 2.0.0 pre-release label and
/// `+metadata`, which does not count.
///
/// Order: the four numbers, then release labels as SemVer, except that alphanumeric labels
/// compare case-insensitively (`1.0.0-BETA` = `1.0.0-beta`).
public struct NuGetVersion: ParsableVersion {
    public static let schemeID = "nuget"

    /// Always four numbers.
    public let numbers: [String]
    public let releaseLabels: [String]
    public let metadata: String?
    private let text: String

    public init(parsing text: String) throws(VersionParseError) {
        func fail(_ code: VersionParseError.Code, _ reason: String) -> VersionParseError {
            VersionParseError(code, scheme: Self.schemeID, input: text, reason: reason)
        }
        let trimmed = text.trimmingASCIISpaces()
        guard !trimmed.isEmpty else { throw fail(.empty, "empty version") }
        let (core, metadata) = trimmed.splitOnce("+")
        let (numbers, labels) = core.splitOnce("-")
        let parts = numbers.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(ASCII.isDigit) }) else {
            throw fail(.invalidFormat, "expected one to four numbers")
        }
        let labelList = labels.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) } ?? []
        for label in labelList {
            guard !label.isEmpty else { throw fail(.missingComponent, "empty release label") }
            guard label.utf8.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                throw fail(.invalidCharacter, "release labels are [0-9A-Za-z-]")
            }
            if label.count > 1, label.first == "0", label.utf8.allSatisfy(ASCII.isDigit) { throw fail(.leadingZero, "numeric label with a leading zero") }
        }
        if let metadata, metadata.isEmpty || !metadata.utf8.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == 0x2D || $0 == 0x2E }) {
            throw fail(.invalidCharacter, "metadata is [0-9A-Za-z-.]")
        }
        self.numbers = parts.map(String.init) + Array(repeating: "0", count: 4 - parts.count)
        releaseLabels = labelList
        self.metadata = metadata.map(String.init)
        self.text = trimmed
    }

    public var isPrerelease: Bool { !releaseLabels.isEmpty }

    public var description: String { text }

    public static func == (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) < 0 }

    static func compare(_ lhs: Self, _ rhs: Self) -> Int {
        for (left, right) in zip(lhs.numbers, rhs.numbers) {
            let order = ASCII.compareNumeric(Array(left.utf8), Array(right.utf8))
            if order != 0 { return order }
        }
        let lower = { (labels: [String]) in labels.map { String(decoding: $0.utf8.map(ASCII.lower), as: UTF8.self) } }
        return SemanticVersion.comparePrerelease(lower(lhs.releaseLabels), lower(rhs.releaseLabels))
    }
}
