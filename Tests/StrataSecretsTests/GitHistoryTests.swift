import Foundation
import Testing
import StrataArtifact
import StrataCore
@testable import StrataSecrets

/// Builds throwaway repositories with the `git` command line.
@Suite(.serialized) struct GitHistoryTests {
    static let hasGit = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")

    @discardableResult
    func git(_ dir: URL, _ args: String...) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = ["-C", dir.path, "-c", "user.name=Test", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"] + args
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_DATE"] = "2024-05-01T10:00:00Z"
        env["GIT_COMMITTER_DATE"] = "2024-05-01T10:00:00Z"
        p.environment = env
        let out = Pipe()
        // Fresh /dev/null handles: see `NativeGitTests.git` on `FileHandle.nullDevice`.
        let nullIn = FileHandle(forReadingAtPath: "/dev/null"), nullOut = FileHandle(forWritingAtPath: "/dev/null")
        defer { try? nullIn?.close(); try? nullOut?.close() }
        p.standardInput = nullIn
        p.standardOutput = out
        p.standardError = nullOut
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ dir: URL, _ name: String, _ text: String) throws {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func makeRepo() throws -> (URL, String) {
        let dir = TestData.tempDir()
        try git(dir, "init", "-q")
        try write(dir, "config/app.env", "GITHUB_TOKEN=\(TestData.githubPAT)\n")
        try write(dir, "README.md", "hello\n")
        try git(dir, "add", "-A")
        try git(dir, "commit", "-q", "-m", "add config")
        let first = try git(dir, "rev-parse", "HEAD")
        try git(dir, "rm", "-q", "config/app.env")
        try write(dir, "README.md", "hello again\n")
        try git(dir, "add", "-A")
        try git(dir, "commit", "-q", "-m", "remove secret")
        return (dir, first)
    }

    static let readers: [GitHistoryScanner.Reader] = [.native, .commandLine]

    @Test(.enabled(if: hasGit), arguments: readers) func deletedSecretIsStillFound(reader: GitHistoryScanner.Reader) throws {
        let (dir, first) = try makeRepo()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = GitHistoryScanner(engine: TestData.engine, repository: dir.path, reader: reader).scan()
        let f = try #require(outcome.findings.first)
        #expect(outcome.findings.count == 1)
        #expect(f.ruleID == "github-pat")
        #expect(f.target == "git:\(first.prefix(12)):config/app.env")
        #expect(f.message.contains("2024-05-01"))
        #expect(f.location?.startLine == 1)
        #expect(outcome.blobsScanned == 3)
        #expect(outcome.diagnostics.isEmpty)
    }

    @Test(.enabled(if: hasGit), arguments: readers) func sameBlobOnTwoBranchesIsScannedOnce(reader: GitHistoryScanner.Reader) throws {
        let (dir, _) = try makeRepo()
        defer { try? FileManager.default.removeItem(at: dir) }
        try git(dir, "checkout", "-q", "-b", "other", "HEAD~1")
        try write(dir, "copy.env", "GITHUB_TOKEN=\(TestData.githubPAT)\n")
        try git(dir, "add", "-A")
        try git(dir, "commit", "-q", "-m", "copy")
        let outcome = GitHistoryScanner(engine: TestData.engine, repository: dir.path, reader: reader).scan()
        #expect(outcome.findings.count == 1)
    }

    @Test(.enabled(if: hasGit), arguments: readers) func corruptObjectBecomesDiagnostic(reader: GitHistoryScanner.Reader) throws {
        let (dir, _) = try makeRepo()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blob = try git(dir, "rev-parse", "HEAD:README.md")
        let object = dir.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object.path)
        try Data("garbage, not zlib".utf8).write(to: object)
        let outcome = GitHistoryScanner(engine: TestData.engine, repository: dir.path, reader: reader).scan()
        #expect(!outcome.diagnostics.isEmpty)
        #expect(outcome.findings.contains { $0.ruleID == "github-pat" })
    }

    @Test(.enabled(if: hasGit)) func secretStillInWorkTreeIsReportedOnlyFromTheFile() throws {
        let dir = TestData.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try git(dir, "init", "-q")
        let text = "GITHUB_TOKEN=\(TestData.githubPAT)\n"
        try write(dir, "app.env", text)
        try git(dir, "add", "-A")
        try git(dir, "commit", "-q", "-m", "add")
        let walked = WalkedFile(path: "app.env", openPath: Array(dir.appendingPathComponent("app.env").path.utf8), size: Int64(text.utf8.count))
        let outcome = GitHistoryScanner(engine: TestData.engine, repository: dir.path, workTree: ["app.env": walked]).scan()
        #expect(outcome.findings.isEmpty)
        #expect(GitHistoryScanner(engine: TestData.engine, repository: dir.path).scan().findings.count == 1)
    }

    @Test func notARepositoryIsADiagnostic() {
        let dir = TestData.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = GitHistoryScanner(engine: TestData.engine, repository: dir.path).scan()
        #expect(outcome.findings.isEmpty)
        #expect(outcome.diagnostics.count == 1)
    }

    @Test(arguments: [("plain/path.txt", "plain/path.txt"), ("\"a\\tb\"", "a\tb"), ("\"caf\\303\\251\"", "café")])
    func unquote(_ raw: String, _ expected: String) {
        #expect(GitHistoryScanner.unquote(raw) == expected)
    }
}
