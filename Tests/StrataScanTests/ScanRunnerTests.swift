import Foundation
import StrataArtifact
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataScan

/// A scanner for tests only: one finding per line containing `FINDME`.
struct MarkerScanner: StrataScanner {
    let id = "secret"

    func wants(_ file: WalkedFile) -> Bool { file.path.hasSuffix(".txt") }

    func scan(_ file: ScannedFile, context: ScanContext) -> FileScanResult {
        let lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let findings = lines.enumerated().filter { $0.element.contains("FINDME") }.map { index, _ in
            Finding(kind: .secret, ruleID: "marker", title: "marker", severity: .high, target: file.path,
                    location: SourceLocation(path: file.path, startLine: index + 1), message: "found")
        }
        return FileScanResult(findings: findings)
    }
}

@Suite struct ScanRunnerTests {
    @Test func parallelScanIsDeterministicAndMatchesSerial() throws {
        let root = try TestEnvironment.temporaryDirectory("runner")
        defer { try? FileManager.default.removeItem(at: root) }
        for i in 0..<300 {
            let text = (0..<(i % 7)).map { $0 % 3 == 0 ? "FINDME \($0)" : "ok" }.joined(separator: "\n")
            try Data(text.utf8).write(to: root.appendingPathComponent("f\(i).txt"))
        }
        let context = ScanContext(root: root.path)
        let serial = try ScanRunner(scanners: [MarkerScanner()], walker: FileWalker(), concurrency: 1).run(root: root.path, context: context)
        let parallel = try ScanRunner(scanners: [MarkerScanner()], walker: FileWalker(), concurrency: 4).run(root: root.path, context: context)
        let expected = (0..<300).reduce(0) { sum, i in sum + (0..<(i % 7)).filter { $0 % 3 == 0 }.count }
        #expect(serial.findings.count == expected && expected == 385)
        #expect(serial.findings == parallel.findings)
    }

    @Test func unreadableFileBecomesDiagnosticAndScanContinues() throws {
        let root = try TestEnvironment.temporaryDirectory("unreadable")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("FINDME".utf8).write(to: root.appendingPathComponent("a.txt"))
        try Data("FINDME".utf8).write(to: root.appendingPathComponent("b.txt"))
        // Replace b.txt's bytes to open with a path that vanishes between walk and read.
        let walker = FileWalker()
        var walk = try walker.walk(root: root.path)
        try FileManager.default.removeItem(at: root.appendingPathComponent("b.txt"))
        walk.files = walk.files.filter { $0.path == "b.txt" }
        let result = ScanRunner.scanOne(walk.files[0], [MarkerScanner()], context: ScanContext(root: root.path), limit: 1000)
        #expect(result.findings.isEmpty)
        #expect(result.diagnostics.map(\.code) == [.fileUnreadable])
        let full = try ScanRunner(scanners: [MarkerScanner()], walker: walker).run(root: root.path, context: ScanContext(root: root.path))
        #expect(full.findings.map(\.target) == ["a.txt"])
    }

    /// Files with findings have their `strata:ignore:` comments parsed during the scan; the suppressor
    /// uses them without reading the files again (its reader here fails every read).
    @Test func inlineCommentsComeFromTheScanWithoutASecondRead() throws {
        let root = try TestEnvironment.temporaryDirectory("inline")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# strata:ignore:marker planted on purpose\nFINDME\nFINDME\n".utf8).write(to: root.appendingPathComponent("a.txt"))
        try Data("no marker here\n".utf8).write(to: root.appendingPathComponent("b.txt"))
        let outcome = try ScanRunner(scanners: [MarkerScanner()], walker: FileWalker()).run(root: root.path, context: ScanContext(root: root.path))
        #expect(Array(outcome.inlineComments.keys) == ["a.txt"], "only files with findings")
        let reads = Counter()
        let suppressor = Suppressor(ignoreFile: nil, clock: FixedClock(Date()), readFile: { _ in reads.add(); return nil })
        let applied = suppressor.apply(outcome.findings, known: outcome.inlineComments)
        #expect(applied.suppressed.map(\.finding.location?.startLine) == [2])
        #expect(applied.suppressed.first?.reason == "planted on purpose")
        #expect(applied.kept.map(\.location?.startLine) == [3])
        #expect(reads.value == 0)
        // Without the scan's comments the reader is asked (and here finds nothing).
        #expect(suppressor.apply(outcome.findings).suppressed.isEmpty)
        #expect(reads.value == 1)
    }

    @Test func registryRejectsUnknownIDsAndReportsUnbuiltOnes() throws {
        let registry = ScannerRegistry(scanners: [MarkerScanner()])
        #expect(throws: StrataError.self) { try registry.select(["nope"]) }
        #expect(try registry.select(["secret", "vuln"]).map(\.id) == ["secret"])
        #expect(registry.unavailable(["secret", "vuln"]) == ["vuln"])
    }

    @Test func builtinScannersHaveUniqueKnownIDs() {
        let ids = ScannerRegistry.builtin.scanners.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { ScannerRegistry.knownIDs.contains($0) })
    }
}

/// A thread-safe count for `@Sendable` closures in tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
