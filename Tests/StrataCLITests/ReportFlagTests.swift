import Foundation
import Testing
import _StrataTestSupport

/// --fail-on, --severity, --format, --output and ignore files through the real binary, on a
/// saved report (`strata convert`) so the findings are known.
@Suite struct ReportFlagTests {
    static let failCases: [([String], Int32)] = [
        (["--fail-on", "high"], 1),
        (["--fail-on", "critical"], 1),
        (["--fail-on", "critical", "--severity", "HIGH,MEDIUM"], 0),
        (["--fail-on", "low", "--severity", "UNKNOWN"], 0),
        ([], 0),
    ]

    @Test(arguments: failCases)
    func failOn(flags: [String], expected: Int32) throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(["convert", "report.json", "--format", "json"] + flags, cwd: dir.path)
        #expect(r.status == expected, "\(r.stderr)")
        if expected == 1 { #expect(r.stderr.contains("--fail-on")) }
    }

    @Test(arguments: [("table", "Total: 4"), ("json", "\"SchemaVersion\" : 1"), ("sarif", "\"version\": \"2.1.0\""), ("junit", "<testsuites")])
    func formats(format: String, marker: String) throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(["convert", "report.json", "--format", format, "--output", "out.txt"], cwd: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let text = try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8)
        #expect(text.contains(marker))
        #expect(!text.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test func expiredIgnoreEntryNoLongerSuppresses() throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("STRATA-K8S-0001 exp:2000-01-01 # old waiver\naws-access-key-id exp:2999-01-01 # rotating\n".utf8)
            .write(to: dir.appendingPathComponent(".strataignore"))
        let r = try CLI().run(["convert", "report.json", "--format", "json", "--fail-on", "critical"], cwd: dir.path)
        #expect(r.status == 0, "the critical secret is suppressed, so --fail-on critical passes: \(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let ids = ((doc["Results"] as? [[String: Any]]) ?? []).flatMap { ($0["Findings"] as? [[String: Any]]) ?? [] }.compactMap { $0["RuleID"] as? String }
        #expect(ids.contains("STRATA-K8S-0001"), "expired entry must not suppress")
        #expect(!ids.contains("aws-access-key-id"))
        let suppressed = (doc["Suppressed"] as? [[String: Any]]) ?? []
        #expect(suppressed.contains { ($0["Reason"] as? String) == "rotating" })
        let diags = (doc["Diagnostics"] as? [[String: Any]]) ?? []
        #expect(diags.contains { ($0["Reason"] as? String)?.contains("expired on 2000-01-01") == true })
    }

    @Test func explicitMissingIgnoreFileIsAnInputError() throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(["convert", "report.json", "--ignorefile", "nope"], cwd: dir.path)
        #expect(r.status == 2)
    }

    @Test func corruptReportIsAnInputError() throws {
        let dir = try TestEnvironment.temporaryDirectory("corrupt")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"SchemaVersion\": \"x\"".utf8).write(to: dir.appendingPathComponent("r.json"))
        let r = try CLI().run(["convert", "r.json"], cwd: dir.path)
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a strata JSON report"))
    }
}
