import StrataCore
import Testing
@testable import StrataAnalyzers

@Suite struct RpmDatabaseTests {
    static let path = "var/lib/rpm/rpmdb.sqlite"

    /// The fixture was written by RPM 4.18 itself (`make-rpmdb.sh`); `expected.txt` is what
    /// `rpm -qa` printed for it: name, epoch:version-release, arch, source RPM.
    @Test func matchesRpmQueryAll() throws {
        let inv = RpmDatabaseParser().parse(try Fixture.bytes("rpm-database/" + Self.path), path: Self.path)
        #expect(inv.diagnostics.isEmpty)
        let expected = String(decoding: try Fixture.bytes("rpm-database/expected.txt"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let actual = inv.packages.map { p -> String in
            let evr = p.version!.contains(":") ? p.version! : "0:" + p.version!
            let source = "\(p.sourceName!)-\(p.sourceVersion!.split(separator: ":").last!).src.rpm"
            return "\(p.name) \(evr) \(p.purl?.qualifiers["arch"] ?? "-") \(source)"
        }
        #expect(actual.sorted() == expected)
        #expect(inv.packages.count == 41)
    }

    @Test func epochSourceAndPURL() throws {
        let os = OperatingSystem(id: "almalinux", versionID: "9.4", idLike: ["rhel"])
        let inv = RpmDatabaseParser().parse(try Fixture.bytes("rpm-database/" + Self.path), path: Self.path).applying(os)
        let libs = try #require(inv.packages.first { $0.name == "openssl-libs" })
        #expect(libs.version == "1:3.0.7-27.el9")
        #expect(libs.sourceName == "openssl")
        #expect(libs.sourceVersion == "1:3.0.7-27.el9")
        #expect(libs.ecosystem == "AlmaLinux")
        #expect(libs.purl?.description == "pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=almalinux-9.4&epoch=1")
        let bash = try #require(inv.packages.first { $0.name == "bash" })
        #expect(bash.version == "5.1.8-9.el9")
        #expect(bash.location == SourceLocation(path: Self.path))
    }

    @Test(arguments: [
        ("openssl-3.0.7-27.el9.src.rpm", "openssl", "3.0.7-27.el9"),
        ("python3-dnf-plugins-core-4.3.0-13.el9.src.rpm", "python3-dnf-plugins-core", "4.3.0-13.el9"),
        ("kernel-5.14.0-427.el9.nosrc.rpm", "kernel", "5.14.0-427.el9"),
    ])
    func sourceRPM(file: String, name: String, version: String) throws {
        let split = try #require(RpmDatabaseParser.splitSourceRPM(file))
        #expect(split.name == name)
        #expect(split.version == version)
    }

    @Test func notSQLite() {
        let inv = RpmDatabaseParser().parse(Array("Packages\n".utf8), path: Self.path)
        #expect(inv.diagnostics.map(\.code) == [.parseError])
    }

    /// Every page of the fixture overwritten in turn with garbage: the reader reports, never traps.
    @Test func corruptPages() throws {
        let original = try Fixture.bytes("rpm-database/" + Self.path)
        for page in 0..<(original.count / 4096) {
            var bytes = original
            for i in 0..<4096 where i % 7 == 0 { bytes[page * 4096 + i] = UInt8(truncatingIfNeeded: i &* 31 &+ page) }
            let inv = RpmDatabaseParser().parse(bytes, path: Self.path)
            #expect(inv.packages.count <= 41)
        }
    }

    @Test func truncatedHeader() {
        #expect(throws: StrataError.self) { try RPMHeader.parse([0, 0, 0, 5, 0, 0, 0, 9]) }
        #expect(throws: StrataError.self) { try RPMHeader.parse([0, 0]) }
    }
}
