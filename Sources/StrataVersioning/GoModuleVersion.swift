/// A Go module version: `vMAJOR.MINOR.PATCH[-pre][+incompatible]`, ordered by SemVer precedence
/// (as `golang.org/x/mod/semver` does). The `v` is optional, since OSV's Go data omits it.
/// Pseudo-versions (`v0.0.0-20220412211240-33da011f77ad`, `v1.2.4-0.2022…-abc`) are SemVer
/// pre-releases and order as such; `+incompatible` is build metadata and does not count.
public struct GoModuleVersion: ParsableVersion, Hashable {
    public static let schemeID = "go"

    public let semver: SemanticVersion

    public init(parsing text: String) throws(VersionParseError) {
        let body = text.hasPrefix("v") ? String(text.dropFirst()) : text
        semver = try SemanticVersion(body, scheme: Self.schemeID)
        guard semver.build.isEmpty || semver.build == ["incompatible"] else {
            throw VersionParseError(.invalidFormat, scheme: Self.schemeID, input: text,
                                    reason: "the only build suffix a module version may have is +incompatible")
        }
    }

    /// `+incompatible`: a v2+ module without a `/vN` module path.
    public var isIncompatible: Bool { !semver.build.isEmpty }

    /// True for the three pseudo-version forms, whose last pre-release identifier is a 14-digit
    /// UTC timestamp, a dash and a 12-hex-digit commit prefix.
    public var isPseudoVersion: Bool {
        guard let last = semver.prerelease.last else { return false }
        let pieces = last.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 14, pieces[1].count == 12 else { return false }
        let isHex = pieces[1].utf8.allSatisfy { ASCII.isDigit($0) || ($0 >= 0x61 && $0 <= 0x66) }
        return isHex && pieces[0].utf8.allSatisfy(ASCII.isDigit)
    }

    public var description: String { "v" + semver.description }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.semver < rhs.semver }
}
