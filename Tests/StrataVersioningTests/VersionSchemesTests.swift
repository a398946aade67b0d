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
        ("RubyGems", "rubygems"), ("NuGet", "nuget"), ("Packagist", "composer"), ("Hex", "semver"), ("SwiftURL", "semver"), ("MinimOS", "apk"),
        ("Debian", "debian"), ("Debian:12", "debian"), ("Ubuntu:22.04:LTS", "debian"), ("Ubuntu:Pro:18.04:LTS", "debian"),
        ("Alpine", "apk"), ("Alpine:v3.18", "apk"), ("Wolfi", "apk"), ("Chainguard", "apk"),
        ("AlmaLinux:8", "rpm"), ("Rocky Linux:9", "rpm"), ("Red Hat", "rpm"), ("Red Hat:enterprise_linux:9::appstream", "rpm"),
        ("openSUSE:Leap 15.5", "rpm"), ("SUSE:Linux Enterprise Server 15 SP5", "rpm"), ("Mageia:9", "rpm"),
    ])
    func mapsEcosystems(_ ecosystem: String, _ scheme: String) {
        #expect(VersionSchemes.scheme(forEcosystem: ecosystem)?.id == scheme)
    }

    @Test(arguments: ["GIT", "Linux", "OSS-Fuzz", "", "pypi", "Debian12", "GitHub Actions", "Pub"])
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

@Suite("Version parse errors")
struct VersionParseErrorTests {
    /// The codes are a stable interface: renaming one is a breaking change.
    @Test func codesAreStable() {
        #expect(VersionParseError.Code.allCases.map(\.rawValue) == [
            "version-empty", "version-invalid-character", "version-invalid-epoch", "version-missing-component",
            "version-leading-zero", "version-invalid-format", "version-not-orderable",
        ])
    }

    @Test func describesItself() throws {
        do {
            _ = try DebianVersion(parsing: "x:1")
            Issue.record("accepted x:1")
        } catch {
            #expect(error.code == .invalidEpoch)
            #expect(error.description == "debian: version-invalid-epoch: epoch is not a number in \"x:1\"")
        }
    }

    /// Hostile inputs: every scheme terminates and either parses or reports, never traps.
    @Test(arguments: VersionSchemes.all.map(\.id))
    func survivesHostileInput(_ id: String) throws {
        let scheme = try #require(VersionSchemes.scheme(id: id))
        let inputs = ["", " ", "\u{0}", "\u{FEFF}1.0", "1.0\u{301}", String(repeating: "9", count: 5000), String(repeating: "1.", count: 2000) + "1",
                      String(repeating: "-", count: 300), "~~~", "^", "+", ":", "::", "1:", "v", "1.0-r", "🙂", "1.0\n", "dev-", "1" + String(repeating: "a1", count: 1000)]
        for input in inputs {
            _ = try? scheme.compare(input, input)
            _ = try? scheme.compare(input, "1.0.0")
        }
    }
}
