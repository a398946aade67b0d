import StrataVersioning

/// Which scheme is checked against which oracle, on how many pairs.
enum DifferentialCatalog {
    static func scheme(_ id: String) -> any VersionScheme { VersionSchemes.scheme(id: id)! }

    static let cases: [DifferentialCase] = [
        DifferentialCase(label: "Debian vs python-debian", oracle: "debian", ours: DifferentialCase.ordering(scheme("debian")),
                         generator: VersionGenerators.debian, generated: 5000, realSource: "dpkg-installed", real: 2000, seed: 11),
        DifferentialCase(label: "Debian vs dpkg --compare-versions", oracle: "dpkg", ours: DifferentialCase.ordering(scheme("debian")),
                         generator: VersionGenerators.debian, generated: 200, realSource: "dpkg-installed", real: 100, seed: 12),
        DifferentialCase(label: "RPM vs rpm (rpm.vercmp)", oracle: "rpm-lib", ours: DifferentialCase.ordering(scheme("rpm")),
                         generator: VersionGenerators.rpm, generated: 4000, realSource: "AlmaLinux.zip", real: 3000, seed: 21),
        DifferentialCase(label: "RPM vs univers RpmVersion", oracle: "rpm", ours: DifferentialCase.ordering(scheme("rpm")),
                         generator: VersionGenerators.rpm, generated: 2000, realSource: "AlmaLinux.zip", real: 1000, seed: 22),
        DifferentialCase(label: "APK vs univers AlpineLinuxVersion", oracle: "apk", ours: DifferentialCase.ordering(scheme("apk")),
                         generator: VersionGenerators.apk, generated: 4000, realSource: "alpine-secdb", real: 2000, seed: 31),
        DifferentialCase(label: "PEP 440 vs packaging.version", oracle: "pep440", ours: DifferentialCase.ordering(scheme("pep440")),
                         generator: VersionGenerators.pep440, generated: 5000, realSource: "PyPI.zip", real: 5000, seed: 41),
        DifferentialCase(label: "SemVer vs python-semver", oracle: "semver", ours: DifferentialCase.ordering(scheme("semver")),
                         generator: VersionGenerators.semver, generated: 4000, seed: 51),
        DifferentialCase(label: "Cargo vs python-semver", oracle: "cargo", ours: DifferentialCase.ordering(scheme("cargo")),
                         generator: VersionGenerators.semver, generated: 1000, realSource: "crates.io.zip", real: 3000, seed: 52),
        DifferentialCase(label: "Go vs python-semver", oracle: "go", ours: DifferentialCase.ordering(scheme("go")),
                         generator: VersionGenerators.go, generated: 2000, realSource: "Go.zip", real: 3000, seed: 53),
        DifferentialCase(label: "npm vs node-semver", oracle: "npm", ours: DifferentialCase.ordering(scheme("npm")),
                         generator: VersionGenerators.semver, generated: 3000, seed: 61),
        DifferentialCase(label: "npm ranges vs node-semver satisfies", oracle: "npm-range", ours: satisfies,
                         generator: VersionGenerators.npmRange, generated: 5000, secondGenerator: VersionGenerators.semver, seed: 62),
        DifferentialCase(label: "Maven vs Maven 3.8.7 ComparableVersion", oracle: "maven-real", ours: DifferentialCase.ordering(scheme("maven")),
                         generator: VersionGenerators.maven, generated: 6000, seed: 71),
        DifferentialCase(label: "PEP 440 canonical forms vs packaging", oracle: "pep440-canonical", ours: rendered { try PEP440Version(parsing: $0).description },
                         generator: VersionGenerators.pep440, generated: 3000, secondGenerator: { _ in "" }, realSource: "PyPI.zip", real: 2000, seed: 42),
        DifferentialCase(label: "Debian version parts vs python-debian", oracle: "debian-parts", ours: rendered(debianParts),
                         generator: VersionGenerators.debian, generated: 3000, secondGenerator: { _ in "" }, realSource: "dpkg-installed", real: 400, seed: 13),
        DifferentialCase(label: "Composer normalisation vs composer/semver", oracle: "composer-normalize", ours: rendered { try ComposerVersion(parsing: $0).normalized },
                         generator: VersionGenerators.composer, generated: 3000, secondGenerator: { _ in "" }, seed: 102),
        DifferentialCase(label: "Maven canonical forms vs Maven 3.8.7", oracle: "maven-canonical", ours: mavenCanonical,
                         generator: VersionGenerators.maven, generated: 3000, secondGenerator: { _ in "" }, seed: 73),
        DifferentialCase(label: "Maven vs univers MavenVersion", oracle: "maven", ours: DifferentialCase.ordering(scheme("maven")),
                         generator: VersionGenerators.maven, generated: 3000, seed: 72),
        DifferentialCase(label: "RubyGems vs Ruby Gem::Version", oracle: "rubygems", ours: DifferentialCase.ordering(scheme("rubygems")),
                         generator: VersionGenerators.rubygems, generated: 4000, seed: 81),
        DifferentialCase(label: "NuGet vs univers NugetVersion", oracle: "nuget", ours: DifferentialCase.ordering(scheme("nuget")),
                         generator: VersionGenerators.nuget, generated: 4000, seed: 91),
        DifferentialCase(label: "Composer vs composer/semver (PHP)", oracle: "composer", ours: DifferentialCase.ordering(scheme("composer")),
                         generator: VersionGenerators.composer, generated: 4000, seed: 101),
    ]

    /// Oracle name → the scheme it checks, where the two differ.
    static let oracleScheme: [String: String] = ["dpkg": "debian", "rpm-lib": "rpm", "npm-range": "npm", "maven-real": "maven", "maven-canonical": "maven",
                                                       "pep440-canonical": "pep440", "debian-parts": "debian", "composer-normalize": "composer"]

    /// Compares parse trees: Maven prints the canonical form of what it parsed.
    static let mavenCanonical = rendered { try MavenVersion(parsing: $0).canonical }

    static let debianParts: @Sendable (String) throws -> String = { text in
        let version = try DebianVersion(parsing: text)
        return "\(version.epoch)|\(version.upstream)|\(version.revision)"
    }

    /// An answer for the `=`-rendering oracles: `=` and a rendering of the first field.
    static func rendered(_ render: @escaping @Sendable (String) throws -> String) -> @Sendable (String, String) -> String {
        { version, _ in (try? render(version)).map { "=" + $0 } ?? "error" }
    }

    static let satisfies: @Sendable (String, String) -> String = { range, version in
        guard let range = try? NpmRange(parsing: range), let version = try? NpmVersion(parsing: version) else { return "error" }
        return range.isSatisfied(by: version) ? "1" : "0"
    }
}
