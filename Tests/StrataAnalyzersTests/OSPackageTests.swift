import Foundation
import _StrataTestSupport
import StrataCore
import Testing
@testable import StrataAnalyzers

@Suite struct DpkgStatusTests {
    @Test func installedPackagesOnly() throws {
        let inv = DpkgStatusParser().parse(try Fixture.bytes("dpkg-status/var/lib/dpkg/status"), path: "var/lib/dpkg/status")
        #expect(inv.packages.map(row) == [
            "base-files@12.4+deb12u5 L1 unknown",
            "libc6@2.36-9+deb12u7 L23 unknown",
            "libgcrypt20@1.10.1-3 L38 unknown",
            "bsdutils@1:2.38.1-5+deb12u1 L54 unknown",
            "zlib1g@1:1.2.13.dfsg-1 L67 unknown",
        ])
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("base-files", "base-files", "12.4+deb12u5"),
        ("libc6", "glibc", "2.36-9+deb12u7"),
        ("bsdutils", "util-linux", "2.38.1-5"),
        ("zlib1g", "zlib", "1:1.2.13.dfsg-1"),
    ])
    func sourcePackage(name: String, source: String, version: String) throws {
        let inv = DpkgStatusParser().parse(try Fixture.bytes("dpkg-status/var/lib/dpkg/status"), path: "status")
        let package = try #require(inv.packages.first { $0.name == name })
        #expect(package.sourceName == source)
        #expect(package.sourceVersion == version)
        #expect(package.ecosystem == "Debian")
    }

    @Test func distrolessStatusD() throws {
        let path = "var/lib/dpkg/status.d/tzdata"
        let inv = DpkgStatusParser().parse(try Fixture.bytes("dpkg-status/" + path), path: path)
        #expect(inv.packages.map(row) == ["tzdata@2024a-0+deb12u1 L1 unknown"])
        #expect(inv.packages.first?.location.endLine == 9)
    }

    @Test func purlGetsDistroFromOSRelease() throws {
        let os = try #require(OSReleaseParser().parse(try Fixture.bytes("os-release/debian"), path: "etc/os-release").operatingSystem)
        let inv = DpkgStatusParser().parse(try Fixture.bytes("dpkg-status/var/lib/dpkg/status"), path: "s").applying(os)
        #expect(inv.packages[1].purl?.description == "pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12")
        let ubuntu = try #require(OSReleaseParser().parse(try Fixture.bytes("os-release/ubuntu"), path: "o").operatingSystem)
        let u = DpkgStatusParser().parse(try Fixture.bytes("dpkg-status/var/lib/dpkg/status"), path: "s").applying(ubuntu)
        #expect(u.packages[0].purl?.description == "pkg:deb/ubuntu/base-files@12.4%2Bdeb12u5?arch=amd64&distro=ubuntu-22.04")
        #expect(u.packages[0].ecosystem == "Ubuntu")
    }

    @Test(arguments: [
        ("install ok installed", true), ("hold ok installed", true), ("deinstall ok config-files", false),
        ("install reinstreq half-installed", false), ("install ok", false), ("purge ok not-installed", false),
    ])
    func status(text: String, installed: Bool) {
        #expect(DpkgStatusParser.isInstalled(text) == installed)
    }

    @Test func missingFieldsAreDiagnosedWithLines() {
        let text = "Package: a\nStatus: install ok installed\n\nVersion: 1\n\n continuation-without-field\n"
        let inv = DpkgStatusParser().parse(Array(text.utf8), path: "s")
        #expect(inv.packages.isEmpty)
        #expect(inv.diagnostics.map { $0.location.startLine } == [6, 1, 4])
    }
}

@Suite struct ApkInstalledTests {
    @Test func packagesWithOrigin() throws {
        let inv = ApkInstalledParser().parse(try Fixture.bytes("apk-installed/lib/apk/db/installed"), path: "lib/apk/db/installed")
        #expect(inv.packages.map(row) == [
            "musl@1.2.4_git20230717-r4 L2 unknown", "libcrypto3@3.1.4-r5 L20 unknown", "busybox-binsh@1.36.1-r15 L34 unknown",
        ])
        #expect(inv.packages.map { $0.sourceName ?? "" } == ["musl", "openssl", "busybox"])
        #expect(inv.packages[1].purl?.description == "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func alpineDistroQualifier() throws {
        let os = try #require(OSReleaseParser().parse(try Fixture.bytes("os-release/alpine"), path: "o").operatingSystem)
        let inv = ApkInstalledParser().parse(try Fixture.bytes("apk-installed/lib/apk/db/installed"), path: "i").applying(os)
        #expect(inv.packages[0].purl?.description == "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1")
    }

    @Test func recordWithoutVersion() {
        let inv = ApkInstalledParser().parse(Array("P:a\nV:1\n\nP:b\nA:x86_64\n".utf8), path: "i")
        #expect(inv.packages.map(\.name) == ["a"])
        #expect(inv.diagnostics.map { $0.location.startLine } == [4])
    }
}

@Suite struct OSReleaseTests {
    @Test(arguments: [
        ("debian", "debian", "12", "bookworm", [String](), "debian"),
        ("ubuntu", "ubuntu", "22.04", "jammy", ["debian"], "ubuntu"),
        ("alpine", "alpine", "3.19.1", nil, [], "alpine"),
        ("rhel", "rhel", "9.3", nil, ["fedora"], "rhel"),
        ("rocky", "rocky", "9.3", nil, ["rhel", "centos", "fedora"], "rhel"),
        ("almalinux", "almalinux", "9.4", nil, ["rhel", "centos", "fedora"], "rhel"),
        ("amzn", "amzn", "2023", nil, ["fedora"], "amzn"),
        ("sles", "sles", "15.5", nil, ["suse"], "suse"),
        ("wolfi", "wolfi", "20230201", nil, [], "wolfi"),
    ])
    func distributions(file: String, id: String, version: String, codename: String?, idLike: [String], family: String) throws {
        let inv = OSReleaseParser().parse(try Fixture.bytes("os-release/" + file), path: "etc/os-release")
        let os = try #require(inv.operatingSystem)
        #expect(os.id == id)
        #expect(os.versionID == version)
        #expect(os.codename == codename)
        #expect(os.idLike == idLike)
        #expect(os.family == family)
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("\"a \\\"b\\\" c\"", "a \"b\" c"), ("'x y'", "x y"), ("plain", "plain"), ("\"unterminated", "unterminated"), ("\"\"", ""),
    ])
    func quoting(raw: String, expected: String) {
        #expect(OSReleaseParser.unquote(Substring(raw)) == expected)
    }

    @Test func noIDIsDiagnosed() {
        let inv = OSReleaseParser().parse(Array("NAME=x\ngarbage line\n".utf8), path: "o")
        #expect(inv.operatingSystem == nil)
        #expect(inv.diagnostics.map { $0.location.startLine } == [2, nil])
    }
}

/// The machine's own dpkg database, read in place, against what `dpkg-query` says is installed
/// (name, version, source name, source version). Skipped where there is no dpkg.
@Suite struct DpkgRealDatabaseTests {
    static let status = "/var/lib/dpkg/status"
    static let available = FileManager.default.fileExists(atPath: status)
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-query")

    @Test(.enabled(if: available))
    func matchesDpkgQuery() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.status)))
        let query = try ProcessRunner.run("/usr/bin/dpkg-query", [
            "--admindir=/var/lib/dpkg", "-W", "-f", "${db:Status-Abbrev}|${Package}|${Version}|${source:Package}|${source:Version}\n",
        ])
        #expect(query.status == 0)
        let expected = query.stdout.split(separator: "\n")
            .filter { $0.hasPrefix("ii ") || $0.hasPrefix("hi ") }
            .map { $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().joined(separator: "|") }
        let inv = DpkgStatusParser().parse(bytes, path: "var/lib/dpkg/status")
        let actual = inv.packages.map { "\($0.name)|\($0.version ?? "")|\($0.sourceName ?? "")|\($0.sourceVersion ?? "")" }
        #expect(inv.diagnostics.isEmpty)
        #expect(!expected.isEmpty)
        #expect(actual.sorted() == expected.sorted())
    }
}
