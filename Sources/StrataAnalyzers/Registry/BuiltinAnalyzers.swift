/// Every built-in analyzer, one row each. Order is table order in reports; ids never change.
enum BuiltinAnalyzers {
    static let all: [Analyzer] = [
        Analyzer(id: "os-release", ecosystem: nil, patterns: ["etc/os-release", "usr/lib/os-release"]) {
            OSReleaseParser().parse($0, path: $1)
        },
        Analyzer(id: "dpkg-status", ecosystem: "Debian",
                 patterns: ["var/lib/dpkg/status", "var/lib/dpkg/status.d/*"],
                 exclusions: ["var/lib/dpkg/status.d/*.md5sums"]) {
            DpkgStatusParser().parse($0, path: $1)
        },
        Analyzer(id: "apk-installed", ecosystem: "Alpine", patterns: ["lib/apk/db/installed"]) {
            ApkInstalledParser().parse($0, path: $1)
        },
        Analyzer(id: "rpm-database", ecosystem: "RPM",
                 patterns: ["var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite", "var/lib/rpm/Packages",
                            "usr/lib/sysimage/rpm/Packages", "var/lib/rpm/Packages.db", "usr/lib/sysimage/rpm/Packages.db"]) {
            RpmDatabaseParser().parse($0, path: $1)
        },
        Analyzer(id: "pip-requirements", ecosystem: "PyPI",
                 patterns: ["**/requirements.txt", "**/requirements-*.txt", "**/requirements/*.txt"]) {
            RequirementsParser().parse($0, path: $1)
        },
        Analyzer(id: "poetry-lock", ecosystem: "PyPI", patterns: ["**/poetry.lock"]) { PoetryLockParser().parse($0, path: $1) },
        Analyzer(id: "pipfile-lock", ecosystem: "PyPI", patterns: ["**/Pipfile.lock"]) { PipfileLockParser().parse($0, path: $1) },
        Analyzer(id: "python-metadata", ecosystem: "PyPI",
                 patterns: ["**/*.dist-info/METADATA", "**/*.egg-info/PKG-INFO", "**/EGG-INFO/PKG-INFO", "**/*.egg-info"]) {
            PythonMetadataParser().parse($0, path: $1)
        },
        Analyzer(id: "uv-lock", ecosystem: "PyPI", patterns: ["**/uv.lock"]) { UVLockParser().parse($0, path: $1) },
        Analyzer(id: "npm-package-lock", ecosystem: "npm",
                 patterns: ["**/package-lock.json", "**/npm-shrinkwrap.json"],
                 exclusions: ["**/node_modules/**"]) {
            PackageLockParser().parse($0, path: $1)
        },
        Analyzer(id: "yarn-lock", ecosystem: "npm", patterns: ["**/yarn.lock"], exclusions: ["**/node_modules/**"]) {
            YarnLockParser().parse($0, path: $1)
        },
        Analyzer(id: "pnpm-lock", ecosystem: "npm", patterns: ["**/pnpm-lock.yaml"], exclusions: ["**/node_modules/**"]) {
            PnpmLockParser().parse($0, path: $1)
        },
        Analyzer(id: "go-mod", ecosystem: "Go", patterns: ["**/go.mod"], exclusions: ["**/vendor/**"]) {
            GoModParser().parse($0, path: $1)
        },
        Analyzer(id: "go-sum", ecosystem: "Go", patterns: ["**/go.sum"], exclusions: ["**/vendor/**"]) {
            GoSumParser().parse($0, path: $1)
        },
        // Go executables can live anywhere; these are the places installers and images put them
        // (a scan reads every file a pattern matches, so `**` would read whole trees).
        Analyzer(id: "go-binary", ecosystem: "Go",
                 patterns: ["**/bin/*", "**/sbin/*", "**/libexec/**", "**/*.exe", "**/go/pkg/tool/**", "ko-app/*"]) {
            GoBinaryParser().parse($0, path: $1)
        },
        Analyzer(id: "cargo-lock", ecosystem: "crates.io", patterns: ["**/Cargo.lock"]) { CargoLockParser().parse($0, path: $1) },
        Analyzer(id: "gemfile-lock", ecosystem: "RubyGems", patterns: ["**/Gemfile.lock", "**/gems.locked"]) {
            GemfileLockParser().parse($0, path: $1)
        },
        Analyzer(id: "pubspec-lock", ecosystem: "Pub", patterns: ["**/pubspec.lock"]) { PubspecLockParser().parse($0, path: $1) },
        Analyzer(id: "gradle-lockfile", ecosystem: "Maven",
                 patterns: ["**/gradle.lockfile", "**/buildscript-gradle.lockfile", "**/settings-gradle.lockfile"]) {
            GradleLockfileParser().parse($0, path: $1)
        },
        Analyzer(id: "pom-xml", ecosystem: "Maven", patterns: ["**/pom.xml"], exclusions: ["**/target/**"]) {
            PomXMLParser().parse($0, path: $1)
        },
        Analyzer(id: "java-archive", ecosystem: "Maven", patterns: ["**/*.jar", "**/*.war", "**/*.ear"]) {
            JavaArchiveParser().parse($0, path: $1)
        },
        Analyzer(id: "nuget-packages-lock", ecosystem: "NuGet", patterns: ["**/packages.lock.json"]) {
            NuGetPackagesLockParser().parse($0, path: $1)
        },
        Analyzer(id: "swift-package-resolved", ecosystem: "SwiftURL", patterns: ["**/Package.resolved"],
                 exclusions: ["**/.build/**"]) {
            PackageResolvedParser().parse($0, path: $1)
        },
        Analyzer(id: "composer-lock", ecosystem: "Packagist", patterns: ["**/composer.lock"], exclusions: ["**/vendor/**"]) {
            ComposerLockParser().parse($0, path: $1)
        },
    ]
}
