import Foundation
import Testing
import _StrataTestSupport

/// `strata rootfs` on a real Debian root filesystem made by debootstrap (scripts/test builds it
/// and exports STRATA_DEBIAN_ROOTFS), checked against dpkg-query on the same database.
@Suite struct RootfsCommandTests {
    static func rootfs() throws -> String {
        let path = try #require(ProcessInfo.processInfo.environment["STRATA_DEBIAN_ROOTFS"], "STRATA_DEBIAN_ROOTFS is not set: run scripts/test, which makes the root filesystem with debootstrap")
        #expect(FileManager.default.fileExists(atPath: path + "/var/lib/dpkg/status"))
        return path
    }

    /// A database with one advisory for Debian 12's `bash` source package, all versions below 99.
    static func database(in dir: URL) throws -> String {
        let cache = dir.appendingPathComponent("cache").path
        let advisory = dir.appendingPathComponent("TEST-DEB-1.json")
        try Data(#"{"id":"TEST-DEB-1","aliases":["CVE-2099-0001"],"summary":"test advisory","affected":[{"package":{"ecosystem":"Debian:12","name":"bash"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"99"}]}]}]}"#.utf8).write(to: advisory)
        let r = try CLI().run(["db", "import", "--cache-dir", cache, advisory.path])
        #expect(r.status == 0, "\(r.stderr)")
        return cache
    }

    @Test func listsEveryPackageDpkgQueryLists() throws {
        let root = try RootfsCommandTests.rootfs()
        let dir = try TestEnvironment.temporaryDirectory("rootfs")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try RootfsCommandTests.database(in: dir)
        let r = try CLI().run(["rootfs", root, "--scanners", "vuln", "--list-all-pkgs", "--format", "json", "--cache-dir", cache])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let results = (doc["Results"] as? [[String: Any]]) ?? []
        let packages = results.flatMap { ($0["Packages"] as? [[String: Any]]) ?? [] }
        let ours = Set(packages.map { "\($0["Name"] as? String ?? "") \($0["InstalledVersion"] as? String ?? "")" })
        let query = try ProcessRunner.run("/usr/bin/dpkg-query", ["--admindir=\(root)/var/lib/dpkg", "-W", "-f", "${Package} ${Version}\\n"])
        let theirs = Set(query.stdout.split(separator: "\n").map(String.init))
        print("rootfs vs dpkg-query — \(theirs.count) packages listed by dpkg-query, \(ours.count) by strata")
        #expect(theirs.count > 50)
        #expect(ours == theirs, "missing \(theirs.subtracting(ours).sorted().prefix(5)), extra \(ours.subtracting(theirs).sorted().prefix(5))")
        #expect(packages.allSatisfy { ($0["Ecosystem"] as? String) == "Debian:12" && (($0["PURL"] as? String)?.contains("distro=debian-12") ?? false) })
        // The OS package is matched by its source package in the release's ecosystem.
        let findings = results.flatMap { ($0["Findings"] as? [[String: Any]]) ?? [] }
        #expect(findings.map { $0["RuleID"] as? String } == ["TEST-DEB-1"])
        #expect(((findings.first?["Package"] as? [String: Any])?["Name"] as? String) == "bash")
        // Absolute symlinks resolve inside the root: no escapes reported for the distribution's own links.
        let diagnostics = (doc["Diagnostics"] as? [[String: Any]]) ?? []
        #expect(!diagnostics.contains { ($0["Code"] as? String) == "symlink-escape" })
    }

    @Test func packageTypesLimitWhatIsMatched() throws {
        let root = try RootfsCommandTests.rootfs()
        let dir = try TestEnvironment.temporaryDirectory("rootfs-types")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try RootfsCommandTests.database(in: dir)
        let libraries = try CLI().run(["rootfs", root, "--scanners", "vuln", "--pkg-types", "library", "--format", "json", "--cache-dir", cache])
        #expect(libraries.status == 0, "\(libraries.stderr)")
        #expect(!libraries.stdout.contains("TEST-DEB-1"))
        let os = try CLI().run(["rootfs", root, "--scanners", "vuln", "--pkg-types", "os", "--format", "json", "--cache-dir", cache, "--fail-on", "unknown"])
        #expect(os.status == 1, "the bash advisory is reported: \(os.stderr)")
        let bad = try CLI().run(["rootfs", root, "--pkg-types", "firmware", "--cache-dir", cache])
        #expect(bad.status == 2)
    }
}
