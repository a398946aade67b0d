/// The registry: every version scheme, and which OSV ecosystems use which.
///
/// OSV ecosystem names may carry a release after a colon (`Debian:12`, `Alpine:v3.18`,
/// `AlmaLinux:9`, `Ubuntu:22.04:LTS`); the part before the first colon selects the scheme.
public enum VersionSchemes {
    /// All schemes, one per ``ParsableVersion`` type.
    public static let all: [any VersionScheme] = [
        ParsedVersionScheme<DebianVersion>(),
        ParsedVersionScheme<RPMVersion>(),
        ParsedVersionScheme<APKVersion>(),
        ParsedVersionScheme<PEP440Version>(),
        ParsedVersionScheme<SemanticVersion>(),
        ParsedVersionScheme<NpmVersion>(),
        ParsedVersionScheme<GoModuleVersion>(),
        ParsedVersionScheme<MavenVersion>(),
        ParsedVersionScheme<RubyGemsVersion>(),
        ParsedVersionScheme<NuGetVersion>(),
        ParsedVersionScheme<ComposerVersion>(),
        ParsedVersionScheme<CargoVersion>(),
    ]

    /// OSV ecosystem name (without release) → scheme id.
    public static let ecosystems: [(ecosystem: String, scheme: String)] = [
        ("PyPI", PEP440Version.schemeID),
        ("npm", NpmVersion.schemeID),
        ("Go", GoModuleVersion.schemeID),
        ("crates.io", CargoVersion.schemeID),
        ("Maven", MavenVersion.schemeID),
        ("RubyGems", RubyGemsVersion.schemeID),
        ("NuGet", NuGetVersion.schemeID),
        ("Packagist", ComposerVersion.schemeID),
        ("Hex", SemanticVersion.schemeID),
        ("SwiftURL", SemanticVersion.schemeID),
        ("Bitnami", SemanticVersion.schemeID),
        ("Debian", DebianVersion.schemeID),
        ("Ubuntu", DebianVersion.schemeID),
        ("Alpine", APKVersion.schemeID),
        ("Wolfi", APKVersion.schemeID),
        ("Chainguard", APKVersion.schemeID),
        ("MinimOS", APKVersion.schemeID),
        ("AlmaLinux", RPMVersion.schemeID),
        ("Rocky Linux", RPMVersion.schemeID),
        ("Red Hat", RPMVersion.schemeID),
        ("openSUSE", RPMVersion.schemeID),
        ("SUSE", RPMVersion.schemeID),
        ("Mageia", RPMVersion.schemeID),
        ("openEuler", RPMVersion.schemeID),
        ("Photon OS", RPMVersion.schemeID),
        ("Azure Linux", RPMVersion.schemeID),
    ]

    /// The scheme with this id, or nil.
    public static func scheme(id: String) -> (any VersionScheme)? {
        all.first { $0.id == id }
    }

    /// The scheme for an OSV ecosystem name such as `PyPI`, `Debian:12` or `Rocky Linux:9`;
    /// nil for ecosystems without a version order here (e.g. `GIT`, `Linux`, `OSS-Fuzz`).
    public static func scheme(forEcosystem ecosystem: String) -> (any VersionScheme)? {
        let base = ecosystem.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ecosystem
        guard let entry = ecosystems.first(where: { $0.ecosystem == base }) else { return nil }
        return scheme(id: entry.scheme)
    }
}
