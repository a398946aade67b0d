import Foundation
import Testing
import _StrataTestSupport

@Suite struct ConfigPrecedenceTests {
    /// flags > STRATA_* environment > strata.yaml > default.
    @Test(arguments: [
        (false, false, false, "table"),
        (true, false, false, "junit"),
        (true, true, false, "sarif"),
        (true, true, true, "json"),
        (false, true, false, "sarif"),
        (false, false, true, "json"),
    ])
    func formatPrecedence(file: Bool, env: Bool, flag: Bool, expected: String) throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        if file { try Data("format: junit\nseverity: [CRITICAL, HIGH, MEDIUM, LOW]\n".utf8).write(to: dir.appendingPathComponent("strata.yaml")) }
        let r = try CLI().run(["convert", "report.json"] + (flag ? ["--format", "json"] : []), cwd: dir.path, env: env ? ["STRATA_FORMAT": "sarif"] : [:])
        #expect(r.status == 0, "\(r.stderr)")
        let detected = r.stdout.hasPrefix("<?xml") ? "junit" : r.stdout.contains("\"$schema\"") ? "sarif" : r.stdout.hasPrefix("{") ? "json" : "table"
        #expect(detected == expected)
    }

    @Test func failOnFromEnvironment() throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(["convert", "report.json", "-q"], cwd: dir.path, env: ["STRATA_FAIL_ON": "medium"])
        #expect(r.status == 1)
    }

    @Test func unknownConfigKeyIsReportedWithItsLine() throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("format: json\nfail_on: high\n".utf8).write(to: dir.appendingPathComponent("strata.yaml"))
        let r = try CLI().run(["convert", "report.json"], cwd: dir.path)
        #expect(r.status == 2)
        #expect(r.stderr.contains("strata.yaml:2"), "\(r.stderr)")
        #expect(r.stderr.contains("unknown setting 'fail_on'"))
    }

    @Test func explicitConfigMustExistAndBeYAML() throws {
        let dir = try CLI.sampleReportDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI().run(["convert", "report.json", "--config", "none.yaml"], cwd: dir.path).status == 2)
        try Data("format: [unclosed\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let r = try CLI().run(["convert", "report.json", "--config", "bad.yaml"], cwd: dir.path)
        #expect(r.status == 2)
        #expect(r.stderr.contains("not valid YAML"))
    }
}
