/// A Semantic Versioning 2.0.0 version, parsed strictly per semver.org: `MAJOR.MINOR.PATCH`,
/// no leading zeros, optional `-prerelease` (dot-separated; numeric identifiers compare
/// numerically and before alphanumeric ones, which compare in ASCII order; more identifiers win
/// when the others are equal) and `+build` metadata, which is kept but ignored by the ordering.
public struct SemanticVersion: ParsableVersion, Hashable {
    public static let schemeID = "semver"

    public let major: String
    public let minor: String
    public let patch: String
    public let prerelease: [String]
    public let build: [String]

    public init(parsing text: String) throws(VersionParseError) {
        try self.init(text, scheme: Self.schemeID)
    }

    public init(major: Int, minor: Int, patch: Int, prerelease: [String] = [], build: [String] = []) {
        self.major = String(major)
        self.minor = String(minor)
        self.patch = String(patch)
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses strict SemVer, reporting errors under `scheme` (for schemes that build on SemVer).
    init(_ text: String, scheme: String) throws(VersionParseError) {
        func fail(_ code: VersionParseError.Code, _ reason: String) -> VersionParseError {
            VersionParseError(code, scheme: scheme, input: text, reason: reason)
        }
        guard !text.isEmpty else { throw fail(.empty, "empty version") }
        let (core, build) = text.splitOnce("+")
        let (numbers, pre) = core.splitOnce("-")
        let parts = numbers.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw fail(.invalidFormat, "expected MAJOR.MINOR.PATCH") }
        for part in parts {
            guard !part.isEmpty, part.utf8.allSatisfy(ASCII.isDigit) else { throw fail(.invalidFormat, "version numbers must be digits") }
            guard part.count == 1 || part.first != "0" else { throw fail(.leadingZero, "leading zero in a version number") }
        }
        let prerelease = try Self.identifiers(pre, numericLeadingZero: true, fail)
        let buildIDs = try Self.identifiers(build, numericLeadingZero: false, fail)
        major = String(parts[0])
        minor = String(parts[1])
        patch = String(parts[2])
        self.prerelease = prerelease
        self.build = buildIDs
    }

    private static func identifiers(
        _ text: Substring?, numericLeadingZero: Bool,
        _ fail: (VersionParseError.Code, String) -> VersionParseError
    ) throws(VersionParseError) -> [String] {
        guard let text else { return [] }
        var result = [String]()
        for identifier in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !identifier.isEmpty else { throw fail(.missingComponent, "empty identifier") }
            guard identifier.utf8.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                throw fail(.invalidCharacter, "identifiers are [0-9A-Za-z-]")
            }
            if numericLeadingZero, identifier.count > 1, identifier.first == "0", identifier.utf8.allSatisfy(ASCII.isDigit) {
                throw fail(.leadingZero, "leading zero in a numeric pre-release identifier")
            }
            result.append(String(identifier))
        }
        return result
    }

    public var isPrerelease: Bool { !prerelease.isEmpty }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: "."))
            + (build.isEmpty ? "" : "+" + build.joined(separator: "."))
    }

    /// Equality is precedence equality: build metadata does not count.
    public static func == (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { compare(lhs, rhs) < 0 }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    static func compare(_ lhs: Self, _ rhs: Self) -> Int {
        for (left, right) in [(lhs.major, rhs.major), (lhs.minor, rhs.minor), (lhs.patch, rhs.patch)] {
            let order = ASCII.compareNumeric(Array(left.utf8), Array(right.utf8))
            if order != 0 { return order }
        }
        return comparePrerelease(lhs.prerelease, rhs.prerelease)
    }

    /// SemVer §11.3–11.4: a version without pre-release identifiers is greater.
    static func comparePrerelease(_ lhs: [String], _ rhs: [String]) -> Int {
        if lhs.isEmpty || rhs.isEmpty { return Int.order(rhs.isEmpty ? 0 : 1, lhs.isEmpty ? 0 : 1) }
        for (left, right) in zip(lhs, rhs) {
            let order = compareIdentifier(left, right)
            if order != 0 { return order }
        }
        return Int.order(lhs.count, rhs.count)
    }

    static func compareIdentifier(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        switch (left.allSatisfy(ASCII.isDigit), right.allSatisfy(ASCII.isDigit)) {
        case (true, true): return ASCII.compareNumeric(left, right)
        case (true, false): return -1
        case (false, true): return 1
        case (false, false): return ASCII.compareBytes(left, right)
        }
    }
}
