/// An npm package version: SemVer 2.0.0 as node-semver parses it (strict mode, which also
/// accepts a leading `v`: `v1.2.3`). Spaces and `=` belong to ranges, not versions.
public struct NpmVersion: ParsableVersion, Hashable {
    public static let schemeID = "npm"

    public let semver: SemanticVersion

    public init(parsing text: String) throws(VersionParseError) {
        var body = Substring(text)
        if body.first == "v" { body = body.dropFirst() }
        semver = try SemanticVersion(String(body), scheme: Self.schemeID)
    }

    public init(_ semver: SemanticVersion) { self.semver = semver }

    public var description: String { semver.description }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.semver < rhs.semver }
}
