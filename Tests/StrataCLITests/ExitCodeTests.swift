import Foundation
import Testing
import _StrataTestSupport

@Suite struct ExitCodeTests {
    static let cases: [([String], Int32)] = [
        (["--help"], 0),
        (["fs", "--help"], 0),
        (["--version"], 0),
        (["version"], 0),
        (["completion", "bash"], 0),
        (["--bogus"], 2),
        (["fs"], 2),
        (["fs", "/definitely/not/here"], 2),
        (["fs", ".", "--format", "yaml"], 2),
        (["fs", ".", "--severity", "SEVERE"], 2),
        (["fs", ".", "--fail-on", "bad"], 2),
        (["fs", ".", "--scanners", "nope"], 2),
        (["fs", ".", "--max-file-size", "-3"], 2),
        (["nosuchcommand"], 2),
        (["image", "alpine:3.19"], 2),
        (["rego", "fmt", "missing.rego"], 2),
        (["rego", "eval", "data.x", "-d", "missing-dir"], 2),
        (["rego", "eval", "data.x", "--format", "yaml"], 2),
        (["db", "info", "--cache-dir", "/nonexistent/strata"], 2),
        (["convert", "missing.json"], 2),
        (["version", "--format", "xml"], 2),
        (["completion", "tcsh"], 2),
    ]

    @Test(arguments: cases)
    func exitCode(args: [String], expected: Int32) throws {
        let dir = try TestEnvironment.temporaryDirectory("exit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(args, cwd: dir.path)
        #expect(r.status == expected, "\(args): \(r.stderr)")
        if expected == 2 {
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.first?.hasPrefix("strata") == true, "one clear line: \(r.stderr)")
            #expect(lines.count <= 2, "no stack trace: \(r.stderr)")
        }
    }

    @Test func unavailableCommandsSaySo() throws {
        let r = try CLI().run(["sbom", "app.cdx.json"])
        #expect(r.stderr.contains("not available in this build yet"))
    }

    @Test func helpHasExamples() throws {
        let r = try CLI().run(["fs", "--help"])
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("--fail-on"))
    }

    @Test func versionJSON() throws {
        let r = try CLI().run(["version", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["Version"] as? String == "0.1.0")
        #expect(doc["ReportSchemaVersion"] as? Int == 1)
    }
}
