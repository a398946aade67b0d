import StrataVersioning
import Testing

@Suite("Version scheme registry")
struct VersionSchemesTests {
    @Test func schemeIdsAreUniqueAndKebabCase() {
        let ids = VersionSchemes.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)") }
    }

    @Test func everyEcosystemNamesARegisteredScheme() {
        for entry in VersionSchemes.ecosystems {
            #expect(VersionSchemes.scheme(id: entry.scheme) != nil, "\(entry.ecosystem) → \(entry.scheme)")
        }
        let names = VersionSchemes.ecosystems.map(\.ecosystem)
        #expect(Set(names).count == names.count)
    }

    /// Every registered scheme, and so every registered ecosystem, has hand-written table tests,
    /// rejection tests and a generator used by the differential and property tests.
    @Test(arguments: VersionSchemes.all.map(\.id))
    func everySchemeHasTableTests(_ id: String) {
        #expect((SchemeTables.order[id]?.count ?? 0) >= 10, "\(id) needs at least 10 ordering cases")
        #expect((SchemeTables.rejected[id]?.count ?? 0) >= 3, "\(id) needs rejection cases")
        #expect(SchemeTables.generators[id] != nil, "\(id) needs a generator")
        #expect(DifferentialCatalog.cases.contains { $0.oracle == id || DifferentialCatalog.oracleScheme[$0.oracle] == id },
                "\(id) needs a differential test")
    }

    @Test(arguments: [
        ("PyPI", "pep440"), ("npm", "npm"), ("Go", "go"), ("crates.io", "cargo"), ("Maven", "maven"),
        ("RubyGems", "rubygems"), ("NuGet", "nuget"), ("Packagist", "composer"), ("Hex", "semver"), ("Pub", "semver"),
        ("Debian", "debian"), ("Debian:12", "debian"), ("Ubuntu:22.04:LTS", "debian"), ("Ubuntu:Pro:18.04:LTS", "debian"),
        ("Alpine", "apk"), ("Alpine:v3.18", "apk"), ("Wolfi", "apk"), ("Chainguard", "apk"),
        ("AlmaLinux:8", "rpm"), ("Rocky Linux:9", "rpm"), ("Red Hat", "rpm"), ("Red Hat:enterprise_linux:9::appstream", "rpm"),
        ("openSUSE:Leap 15.5", "rpm"), ("SUSE:Linux Enterprise Server 15 SP5", "rpm"), ("Mageia:9", "rpm"),
    ])
    func mapsEcosystems(_ ecosystem: String, _ scheme: String) {
        #expect(VersionSchemes.scheme(forEcosystem: ecosystem)?.id == scheme)
    }

    @Test(arguments: ["GIT", "Linux", "OSS-Fuzz", "", "pypi", "Debian12", "GitHub Actions"])
    func hasNoSchemeFor(_ ecosystem: String) {
        #expect(VersionSchemes.scheme(forEcosystem: ecosystem) == nil)
    }

    @Test func comparesThroughTheRegistry() throws {
        let debian = try #require(VersionSchemes.scheme(forEcosystem: "Debian:12"))
        #expect(try debian.compare("1.0~rc1", "1.0") == .orderedAscending)
        let pypi = try #require(VersionSchemes.scheme(forEcosystem: "PyPI"))
        #expect(try pypi.compare("1.0RC1", "1.0rc1") == .orderedSame)
        #expect(throws: VersionParseError.self) { try pypi.compare("1.0-eevee", "1.0") }
    }
}
