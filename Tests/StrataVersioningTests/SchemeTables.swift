/// Every scheme's hand-written table, by scheme id, so that one test can check that each
/// registered scheme (and so each registered ecosystem) has table tests.
enum SchemeTables {
    static let order: [String: [OrderCase]] = [
        "debian": DebianVersionTests.order,
        "rpm": RPMVersionTests.order,
        "apk": APKVersionTests.order,
        "pep440": PEP440VersionTests.order,
        "semver": SemanticVersionTests.order,
        "npm": NpmRangeTests.versionOrder,
        "go": GoModuleVersionTests.order,
        "maven": MavenVersionTests.order,
        "rubygems": RubyGemsVersionTests.order,
        "nuget": NuGetVersionTests.order,
        "composer": ComposerVersionTests.order,
        "cargo": SemanticVersionTests.cargoOrder,
    ]

    static let rejected: [String: [RejectCase]] = [
        "debian": DebianVersionTests.rejected,
        "rpm": RPMVersionTests.rejected,
        "apk": APKVersionTests.rejected,
        "pep440": PEP440VersionTests.rejected,
        "semver": SemanticVersionTests.rejected,
        "npm": NpmRangeTests.versionRejected,
        "go": GoModuleVersionTests.rejected,
        "maven": MavenVersionTests.rejected,
        "rubygems": RubyGemsVersionTests.rejected,
        "nuget": NuGetVersionTests.rejected,
        "composer": ComposerVersionTests.rejected,
        "cargo": SemanticVersionTests.cargoRejected,
    ]

    /// The version generators used by the differential and property tests, by scheme id.
    static let generators: [String: VersionGenerators.Make] = [
        "debian": VersionGenerators.debian, "rpm": VersionGenerators.rpm, "apk": VersionGenerators.apk,
        "pep440": VersionGenerators.pep440, "semver": VersionGenerators.semver, "npm": VersionGenerators.semver,
        "go": VersionGenerators.go, "maven": VersionGenerators.maven, "rubygems": VersionGenerators.rubygems,
        "nuget": VersionGenerators.nuget, "composer": VersionGenerators.composer, "cargo": VersionGenerators.semver,
    ]
}
