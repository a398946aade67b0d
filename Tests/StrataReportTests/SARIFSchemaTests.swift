import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataReport

/// Validates generated SARIF against the official OASIS schema with Python's `jsonschema`,
/// an implementation independent of ours.
@Suite struct SARIFSchemaTests {
    static let reports: [(String, Report)] = [
        ("sample", SampleReport.make()),
        ("empty", Report(createdAt: SampleReport.createdAt, artifact: Artifact(name: ".", kind: .filesystem), findings: [])),
        ("no-location", Report(
            createdAt: SampleReport.createdAt, artifact: Artifact(name: "alpine:3.19", kind: .image),
            findings: [Finding(kind: .vulnerability, ruleID: "CVE-2026-1", title: "", severity: .unknown, target: "alpine:3.19", message: "")])),
    ]

    @Test func generatedSARIFIsSchemaValid() throws {
        let python = try #require(TestEnvironment.oraclePython(), "oracle venv missing: run scripts/test (it creates .venv with scripts/oracle-requirements.txt)")
        let schema = RepoPaths.shared("reference/schemas/sarif/sarif-schema-2.1.0.json").path
        let dir = try TestEnvironment.temporaryDirectory("sarif")
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (name, report) in SARIFSchemaTests.reports {
            let url = dir.appendingPathComponent("\(name).sarif")
            try Data(try SARIFWriter().render(report, options: RenderOptions()).utf8).write(to: url)
            paths.append(url.path)
        }
        let script = RepoPaths.root().appendingPathComponent("scripts/oracles/validate_json_schema.py").path
        let result = try ProcessRunner.run(python, [script, schema] + paths)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count == paths.count)
    }

    @Test func validatorRejectsABrokenDocument() throws {
        // The oracle must be able to fail: a SARIF log without `runs` is invalid.
        let python = try #require(TestEnvironment.oraclePython(), "oracle venv missing: run scripts/test")
        let schema = RepoPaths.shared("reference/schemas/sarif/sarif-schema-2.1.0.json").path
        let dir = try TestEnvironment.temporaryDirectory("sarif-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bad.sarif")
        try Data(#"{"version": "2.1.0", "runs": [{"results": [{"level": "fatal"}]}]}"#.utf8).write(to: url)
        let script = RepoPaths.root().appendingPathComponent("scripts/oracles/validate_json_schema.py").path
        let result = try ProcessRunner.run(python, [script, schema, url.path])
        #expect(result.status == 1)
    }
}
