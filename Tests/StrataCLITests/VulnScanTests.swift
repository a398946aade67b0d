import Foundation
import Testing
import _StrataTestSupport

/// `strata fs` with the vuln scanner, through the binary, on the shared oracle fixture.
@Suite struct VulnScanTests {
    static func project() throws -> (URL, String) {
        let dir = try TestEnvironment.temporaryDirectory("vulnscan")
        let cache = dir.appendingPathComponent("cache").path
        let proj = dir.appendingPathComponent("proj")
        try FileManager.default.createDirectory(at: proj, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.shared("vulndb/oracle/requirements-edge-cases.txt"), to: proj.appendingPathComponent("requirements.txt"))
        return (dir, cache)
    }

    @Test func findsTheOracleMatchesAndFailsOnSeverity() throws {
        let (dir, cache) = try VulnScanTests.project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let imported = try CLI().run(["db", "import", "--cache-dir", cache, RepoPaths.shared("vulndb/osv/PyPI.zip").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let r = try CLI().run(["fs", "proj", "--scanners", "vuln", "--cache-dir", cache, "--format", "json", "--fail-on", "high"], cwd: dir.path)
        #expect(r.status == 1, "high-severity advisories are in the fixture: \(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = ((doc["Results"] as? [[String: Any]]) ?? []).flatMap { ($0["Findings"] as? [[String: Any]]) ?? [] }
        #expect(findings.count == 46, "requirements-edge-cases.json expects 46 matches")
        let urllib3 = findings.first { ($0["RuleID"] as? String) == "PYSEC-2023-192" }
        #expect((urllib3?["Package"] as? [String: Any])?["PURL"] as? String == "pkg:pypi/urllib3@2.0.3")
        #expect((urllib3?["Location"] as? [String: Any])?["StartLine"] != nil)
        let unfixed = try CLI().run(["fs", "proj", "--scanners", "vuln", "--cache-dir", cache, "--format", "json", "--ignore-unfixed"], cwd: dir.path)
        let doc2 = try #require(try JSONSerialization.jsonObject(with: Data(unfixed.stdout.utf8)) as? [String: Any])
        let fixedOnly = ((doc2["Results"] as? [[String: Any]]) ?? []).flatMap { ($0["Findings"] as? [[String: Any]]) ?? [] }
        #expect(fixedOnly.count < findings.count)
        #expect(fixedOnly.allSatisfy { !((($0["Package"] as? [String: Any])?["FixedVersions"] as? [String]) ?? []).isEmpty })
    }

    @Test func missingDatabaseIsAnErrorOnlyWhenAskedFor() throws {
        let (dir, cache) = try VulnScanTests.project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let asked = try CLI().run(["fs", "proj", "--scanners", "vuln", "--cache-dir", cache], cwd: dir.path)
        #expect(asked.status == 2)
        #expect(asked.stderr.contains("strata db import"))
        let defaulted = try CLI().run(["fs", "proj", "--cache-dir", cache, "--format", "json"], cwd: dir.path)
        #expect(defaulted.status == 0, "\(defaulted.stderr)")
        #expect(defaulted.stdout.contains("vulnerability matching skipped"))
    }
}
