/// A crates.io version. Cargo requires SemVer 2.0.0 (the `semver` crate's grammar and
/// precedence), so this is a strict ``SemanticVersion`` reported under the `cargo` scheme.
public struct CargoVersion: ParsableVersion, Hashable {
    public static let schemeID = "cargo"

    public let semver: SemanticVersion

    public init(parsing text: String) throws(VersionParseError) {
        semver = try SemanticVersion(text, scheme: Self.schemeID)
    }

    public var description: String { semver.description }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.semver < rhs.semver }
}
