import Foundation
import Testing
import _StrataTestSupport

@Suite struct FSCommandTests {
    @Test func scansAHostileTreeAndReportsDiagnostics() throws {
        let root = try TestEnvironment.temporaryDirectory("fs")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("a: 1\n".utf8).write(to: root.appendingPathComponent("ok.yaml"))
        try Data().write(to: root.appendingPathComponent("empty"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("l1").path, withDestinationPath: "l2")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("l2").path, withDestinationPath: "l1")
        let r = try CLI().run(["fs", root.path, "--format", "json", "--scanners", "secret"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let codes = ((doc["Diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["Code"] as? String }
        #expect(codes.sorted() == ["symlink-escape", "symlink-loop", "symlink-loop"])
        #expect((doc["Artifact"] as? [String: Any])?["Kind"] as? String == "filesystem")
    }

    @Test func unreadableDirectoryIsADiagnosticAndTheScanGoesOn() throws {
        // Permission bits bind everyone but root, so run the binary as `nobody` when we are root.
        let root = try TestEnvironment.temporaryDirectory("fs-perm")
        defer {
            chmod(root.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("locked/inside.txt"))
        try Data("x".utf8).write(to: root.appendingPathComponent("visible.txt"))
        try Data("password = \"hunter2hunter2\"\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
        chmod(root.appendingPathComponent("secret.txt").path, 0)
        chmod(root.path, 0o755)
        chmod(root.appendingPathComponent("locked").path, 0)
        let r = try CLI().run(["fs", root.path, "--format", "json", "--scanners", "secret"], asUser: getuid() == 0)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let diags = (doc["Diagnostics"] as? [[String: Any]]) ?? []
        #expect(diags.count == 2, "the locked directory and the unreadable file")
        #expect(diags.allSatisfy { $0["Code"] as? String == "file-unreadable" })
        let paths = diags.compactMap { ($0["Location"] as? [String: Any])?["Path"] as? String }.sorted()
        #expect(paths == ["locked", "secret.txt"])
    }

    @Test func sarifOutputFileIsWritten() throws {
        let root = try TestEnvironment.temporaryDirectory("fs-sarif")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLI().run(["fs", ".", "--format", "sarif", "--output", "strata.sarif", "--fail-on", "high", "--quiet"], cwd: root.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "quiet: \(r.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent("strata.sarif"), encoding: .utf8)
        #expect(text.contains("\"results\": []"))
    }
}
