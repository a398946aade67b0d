import Foundation
import StrataReport
import Testing
import _StrataTestSupport

/// Runs the built `strata` binary with a clean environment.
struct CLI {
    let binary: String

    init() throws {
        binary = try #require(TestEnvironment.strataBinary(), "strata binary not found beside the tests; run `swift build` first (scripts/test does)")
    }

    func run(_ args: [String], cwd: String? = nil, env: [String: String] = [:], asUser nobody: Bool = false) throws -> ProcessResult {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "SOURCE_DATE_EPOCH": "1780000000"]
        environment.merge(env) { _, new in new }
        if nobody {
            return try ProcessRunner.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + args, cwd: cwd, environment: environment)
        }
        return try ProcessRunner.run(binary, args, cwd: cwd, environment: environment)
    }

    /// A directory holding the sample report as `report.json`.
    static func sampleReportDirectory() throws -> URL {
        let dir = try TestEnvironment.temporaryDirectory("cli")
        let json = try JSONWriter().render(SampleReport.make(), options: RenderOptions())
        try Data(json.utf8).write(to: dir.appendingPathComponent("report.json"))
        return dir
    }
}
