import Foundation
import _StrataTestSupport
import StrataCore
import Testing
@testable import StrataAnalyzers

@Suite struct CargoLockTests {
    @Test func fixture() throws {
        let inv = CargoLockParser().parse(try Fixture.bytes("cargo-lock/Cargo.lock"), path: "Cargo.lock")
        #expect(inv.packages.map(row) == [
            "autocfg@1.1.0 L5 indirect", "num-traits@0.2.17 L19 indirect", "serde@1.0.193 L28 direct",
            "smallvec@1.11.2 L34 direct", "smallvec@0.6.14 L39 indirect",
        ])
        #expect(inv.packages[2].purl?.description == "pkg:cargo/serde@1.0.193")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: [("serde", "serde"), ("smallvec 1.11.2", "smallvec 1.11.2"),
                      ("smallvec 1.11.2 (registry+https://x)", "smallvec 1.11.2")])
    func dependencyKey(entry: String, key: String) {
        #expect(CargoLockParser.dependencyKey(entry) == key)
    }
}

@Suite struct GemfileLockTests {
    @Test func fixture() throws {
        let inv = GemfileLockParser().parse(try Fixture.bytes("gemfile-lock/Gemfile.lock"), path: "Gemfile.lock")
        #expect(inv.packages.map(row) == [
            "rails-html-sanitizer@1.6.0 L5 direct", "loofah@2.22.0 L11 indirect", "crass@1.0.6 L14 indirect",
            "nokogiri@1.15.4 L15 direct", "racc@1.7.3 L17 indirect", "rack@2.2.8 L18 direct", "rspec@3.12.0 L19 direct",
        ])
        #expect(inv.packages[3].purl?.description == "pkg:gem/nokogiri@1.15.4")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: [("rack (2.2.8)", "rack", "2.2.8"), ("nokogiri (1.15.4-x86_64-linux)", "nokogiri", "1.15.4"),
                      ("ffi (1.16.3-arm64-darwin)", "ffi", "1.16.3")])
    func spec(line: String, name: String, version: String) throws {
        let spec = try #require(GemfileLockParser.spec(Substring(line)))
        #expect(spec.name == name)
        #expect(spec.version == version)
    }

    @Test func malformedSpecLine() {
        let inv = GemfileLockParser().parse(Array("GEM\n  specs:\n    broken\n    ok (1.0)\n".utf8), path: "Gemfile.lock")
        #expect(inv.packages.map(row) == ["ok@1.0 L4 unknown"])
        #expect(inv.diagnostics.map { $0.location.startLine } == [3])
    }
}

@Suite struct ComposerLockTests {
    @Test func fixture() throws {
        let inv = ComposerLockParser().parse(try Fixture.bytes("composer-lock/composer.lock"), path: "composer.lock")
        #expect(inv.packages.map(row) == [
            "guzzlehttp/guzzle@7.8.1 L9 unknown", "Symfony/Console@v6.4.1 L22 unknown", "phpunit/phpunit@10.5.3 L29 unknown dev",
        ])
        #expect(inv.packages[1].purl?.description == "pkg:composer/symfony/console@v6.4.1")
        #expect(inv.packages.allSatisfy { $0.ecosystem == "Packagist" })
    }
}

@Suite struct NuGetPackagesLockTests {
    @Test func fixture() throws {
        let path = "src/App/packages.lock.json"
        let inv = NuGetPackagesLockParser().parse(try Fixture.bytes("nuget-packages-lock/" + path), path: path)
        #expect(inv.packages.map(row) == [
            "Newtonsoft.Json@13.0.1 L5 direct", "Serilog@2.12.0 L11 direct",
            "System.Text.Encodings.Web@4.7.2 L17 direct", "Microsoft.Extensions.Logging@8.0.0 L42 indirect",
        ])
        #expect(inv.packages[0].purl?.description == "pkg:nuget/Newtonsoft.Json@13.0.1")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func noDependencies() {
        let inv = NuGetPackagesLockParser().parse(Array("{\"version\": 1}".utf8), path: "packages.lock.json")
        #expect(inv.diagnostics.map(\.code) == [.parseError])
    }
}

@Suite struct GradleLockfileTests {
    @Test func fixture() throws {
        let path = "app/gradle.lockfile"
        let inv = GradleLockfileParser().parse(try Fixture.bytes("gradle-lockfile/" + path), path: path)
        #expect(inv.packages.map(row) == [
            "com.fasterxml.jackson.core:jackson-core@2.15.2 L4 unknown", "com.google.guava:guava@32.1.2-jre L5 unknown",
            "org.apache.logging.log4j:log4j-core@2.14.1 L6 unknown", "org.junit.jupiter:junit-jupiter-api@5.10.0 L7 unknown dev",
        ])
        #expect(inv.packages[2].purl?.description == "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: ["a:b=x", "a::1=x", "a:b:c:d=x", "a b:c:1"])
    func malformed(line: String) {
        let inv = GradleLockfileParser().parse(Array(line.utf8), path: "gradle.lockfile")
        #expect(inv.packages.isEmpty)
        #expect(inv.diagnostics.map { $0.location.startLine } == [1])
    }
}

@Suite struct PubspecLockTests {
    @Test func fixture() throws {
        let inv = PubspecLockParser().parse(try Fixture.bytes("pubspec-lock/pubspec.lock"), path: "pubspec.lock")
        #expect(inv.packages.map(row) == [
            "async@2.11.0 L4 indirect", "http@1.1.0 L17 direct", "lints@2.1.1 L25 direct dev", "meta@1.10.0 L40 direct",
        ])
        #expect(inv.packages[1].purl?.description == "pkg:pub/http@1.1.0")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func notYAML() {
        let inv = PubspecLockParser().parse(Array("packages: [\n".utf8), path: "pubspec.lock")
        #expect(inv.packages.isEmpty)
        #expect(inv.diagnostics.map(\.code) == [.parseError])
    }
}

@Suite struct PackageResolvedTests {
    @Test(arguments: [
        ("v1", ["github.com/apple/swift-nio@2.40.0 L4 unknown", "github.com/vapor/vapor@- L13 unknown"]),
        ("v3", ["github.com/apple/swift-crypto@3.0.0 L4 unknown", "github.com/apple/swift-collections@- L19 unknown"]),
    ])
    func fixtures(folder: String, expected: [String]) throws {
        let inv = PackageResolvedParser().parse(try Fixture.bytes("swift-package-resolved/\(folder)/Package.resolved"), path: "Package.resolved")
        #expect(inv.packages.map(row) == expected)
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func constraintsAndPURL() throws {
        let inv = PackageResolvedParser().parse(try Fixture.bytes("swift-package-resolved/v1/Package.resolved"), path: "Package.resolved")
        #expect(inv.packages.map { $0.purl?.description ?? "" } == [
            "pkg:swift/github.com/apple/swift-nio@2.40.0", "pkg:swift/github.com/vapor/vapor",
        ])
        #expect(inv.packages[1].constraint == "branch main")
    }

    @Test(arguments: [
        ("https://github.com/apple/swift-nio.git", "github.com/apple/swift-nio"),
        ("git@github.com:apple/swift-nio.git", "github.com/apple/swift-nio"),
        ("ssh://git@gitlab.com/group/sub/repo/", "gitlab.com/group/sub/repo"),
        ("https://github.com/jpsim/Yams", "github.com/jpsim/Yams"),
    ])
    func repositoryName(location: String, name: String) {
        #expect(PackageResolvedParser.repositoryName(location) == name)
    }

    /// This package's own Package.resolved, written by SwiftPM when it resolved the build.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: RepoPaths.root().appendingPathComponent("Package.resolved").path)))
    func ownPackageResolved() throws {
        let bytes = try [UInt8](Data(contentsOf: RepoPaths.root().appendingPathComponent("Package.resolved")))
        let inv = PackageResolvedParser().parse(bytes, path: "Package.resolved")
        #expect(inv.diagnostics.isEmpty)
        #expect(Set(inv.packages.map(\.name)).isSuperset(of: ["github.com/apple/swift-argument-parser", "github.com/jpsim/Yams"]))
        #expect(inv.packages.allSatisfy { $0.version != nil })
    }
}
