import Foundation
import StrataCore
import Testing
@testable import StrataAnalyzers

@Suite struct AnalyzerRegistryTests {
    static let ids = AnalyzerRegistry.builtin.analyzers.map(\.id)

    @Test func idsAreUniqueAndKebabCase() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for id in Self.ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
        }
    }

    /// Every `*Parser.swift` under Sources/StrataAnalyzers is used by a row of the table.
    @Test func everyParserIsRegistered() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/StrataAnalyzers").standardizedFileURL
        let table = try String(contentsOf: sources.appendingPathComponent("Registry/BuiltinAnalyzers.swift"), encoding: .utf8)
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        let parsers = files.filter { $0.hasSuffix("Parser.swift") }.map { ($0 as NSString).lastPathComponent.dropLast(6) }
        #expect(parsers.count >= 15)
        for parser in parsers {
            #expect(table.contains("\(parser)("), "\(parser) is not in BuiltinAnalyzers")
        }
    }

    /// Every analyzer has a fixture folder named after its id, and every file in it that the
    /// analyzer matches yields packages (or, for os-release, an OS) without an error.
    @Test(arguments: ids)
    func hasFixtures(id: String) throws {
        let analyzer = try #require(AnalyzerRegistry.builtin.analyzer(id: id))
        let files = Fixture.files(in: id).filter { analyzer.matches(path: $0) || id == "os-release" }
        #expect(!files.isEmpty, "no fixture for \(id)")
        for file in files {
            let inv = analyzer.parse(bytes: try Fixture.bytes("\(id)/\(file)"), path: file)
            #expect(!inv.packages.isEmpty || inv.operatingSystem != nil, "\(id): \(file)")
            #expect(inv.diagnostics.allSatisfy { $0.level == .warning }, "\(id): \(file)")
            #expect(inv.packages.allSatisfy { $0.ecosystem == analyzer.ecosystem && $0.location.path == file })
        }
    }

    /// The same fixtures with CRLF line ends give the same packages on the same lines.
    @Test(arguments: ids)
    func crlf(id: String) throws {
        let analyzer = try #require(AnalyzerRegistry.builtin.analyzer(id: id))
        for file in Fixture.files(in: id) where analyzer.matches(path: file) {
            let lf = try Fixture.bytes("\(id)/\(file)")
            if lf.contains(0) { continue }  // binary (rpmdb.sqlite): no lines
            let crlf = lf.flatMap { $0 == 10 ? [13, 10] : [$0] }
            let expected = analyzer.parse(bytes: lf, path: file)
            let actual = analyzer.parse(bytes: crlf, path: file)
            #expect(actual.packages.map(row) == expected.packages.map(row), "\(id): \(file)")
            #expect(actual.packages.map(\.purl) == expected.packages.map(\.purl), "\(id): \(file)")
            #expect(actual.diagnostics == expected.diagnostics, "\(id): \(file)")
        }
    }

    @Test(arguments: [
        ("var/lib/dpkg/status", ["dpkg-status"]),
        ("var/lib/dpkg/status.d/tzdata", ["dpkg-status"]),
        ("var/lib/dpkg/status.d/tzdata.md5sums", []),
        ("etc/os-release", ["os-release"]),
        ("lib/apk/db/installed", ["apk-installed"]),
        ("var/lib/rpm/rpmdb.sqlite", ["rpm-database"]),
        ("usr/lib/sysimage/rpm/rpmdb.sqlite", ["rpm-database"]),
        ("var/lib/rpm/Packages", ["rpm-database"]),
        ("usr/lib/sysimage/rpm/Packages.db", ["rpm-database"]),
        ("usr/local/bin/app", ["go-binary"]),
        ("opt/tools/sbin/daemon", ["go-binary"]),
        ("ko-app/server", ["go-binary"]),
        ("usr/share/doc/readme", []),
        ("svc/pom.xml", ["pom-xml"]),
        ("svc/target/classes/META-INF/maven/a/b/pom.xml", []),
        ("lib/guava.jar", ["java-archive"]),
        ("deploy/shop.war", ["java-archive"]),
        ("requirements.txt", ["pip-requirements"]),
        ("svc/requirements-dev.txt", ["pip-requirements"]),
        ("app/package-lock.json", ["npm-package-lock"]),
        ("app/node_modules/x/package-lock.json", []),
        ("go.mod", ["go-mod"]),
        ("vendor/x/go.mod", []),
        ("a/b/Cargo.lock", ["cargo-lock"]),
        ("Gemfile.lock", ["gemfile-lock"]),
        ("Package.resolved", ["swift-package-resolved"]),
        (".build/checkouts/yams/Package.resolved", []),
        ("a/pubspec.lock", ["pubspec-lock"]),
        ("src/App/packages.lock.json", ["nuget-packages-lock"]),
        ("app/gradle.lockfile", ["gradle-lockfile"]),
        ("x/y.dist-info/METADATA", ["python-metadata"]),
        ("usr/lib/python3/dist-packages/distro-1.8.0.egg-info", ["python-metadata"]),
        ("x/y.dist-info/RECORD", []),
        ("README.md", []),
    ])
    func routing(path: String, expected: [String]) {
        #expect(AnalyzerRegistry.builtin.analyzers(for: path).map(\.id) == expected)
    }
}

@Suite struct HostileInputTests {
    static let ids = AnalyzerRegistry.builtin.analyzers.map(\.id)

    /// Every parser terminates on every hostile input, reports problems as diagnostics, and
    /// places every diagnostic in the file it was given.
    @Test(arguments: ids)
    func survives(id: String) throws {
        let analyzer = try #require(AnalyzerRegistry.builtin.analyzer(id: id))
        for (label, bytes) in Hostile.cases {
            let inv = analyzer.parse(bytes: bytes, path: "hostile/\(label)")
            #expect(inv.diagnostics.allSatisfy { $0.location.path == "hostile/\(label)" }, "\(id) \(label)")
            #expect(inv.packages.count <= 20_000, "\(id) \(label)")
        }
    }

    @Test func sizeLimit() {
        let parser = GoSumParser(limits: ParseLimits(maxBytes: 10))
        let inv = parser.parse(Array("a v1 h1:xxxxxxxxxx\n".utf8), path: "go.sum")
        #expect(inv.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test func packageLimit() {
        let parser = GoSumParser(limits: ParseLimits(maxPackages: 2))
        let inv = parser.parse(Array("a v1 h1:x\nb v1 h1:x\nc v1 h1:x\n".utf8), path: "go.sum")
        #expect(inv.packages.count == 2)
    }

    @Test(arguments: [("deep-brackets", StrataError.Code.depthLimit), ("deep-braces", .depthLimit)])
    func depthLimit(label: String, code: StrataError.Code) throws {
        let bytes = try #require(Hostile.cases.first { $0.0 == label }).1
        #expect(PackageLockParser().parse(bytes, path: "p").diagnostics.map(\.code) == [code])
        if label == "deep-brackets" {  // `{"a":` is not TOML: a syntax error comes first there
            #expect(CargoLockParser().parse(Array("a = ".utf8) + bytes, path: "c").diagnostics.map(\.code) == [code])
        }
    }

    @Test func invalidUTF8IsReportedWithLine() {
        let inv = GoSumParser().parse(Array("a v1 h1:x\n".utf8) + [0xFF, 0x0A], path: "go.sum")
        #expect(inv.diagnostics.first?.location.startLine == 2)
        #expect(inv.packages.count == 1)
    }
}
