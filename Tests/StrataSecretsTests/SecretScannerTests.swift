import Foundation
import Testing
import StrataArtifact
import StrataCore
@testable import StrataScan
@testable import StrataSecrets

@Suite struct SecretScannerTests {
    @Test func registryListsTheSecretScanner() throws {
        #expect(ScannerRegistry.builtin.scanners.contains { $0.id == "secret" })
        #expect(try ScannerRegistry.builtin.select(["secret"]).count == 1)
    }

    @Test(arguments: [("a/b.env", 10, true), ("logo.PNG", 10, false), ("lib.so", 10, false), ("Makefile", 10, true), ("empty.txt", 0, false)])
    func wantsTextLikeFiles(_ path: String, _ size: Int64, _ expected: Bool) {
        #expect(SecretScanner().wants(WalkedFile(path: path, openPath: Array(path.utf8), size: size)) == expected)
    }

    @Test func runnerScansTreeWithUserConfig() throws {
        let dir = TestData.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "a = \(TestData.awsID)\nb = \(TestData.githubPAT)\n".write(to: dir.appendingPathComponent("app.env"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2] + Array(TestData.awsID.utf8)).write(to: dir.appendingPathComponent("blob.bin"))
        let config = dir.appendingPathComponent("secrets.yaml")
        try "disable: [github-pat]\n".write(to: config, atomically: true, encoding: .utf8)
        let runner = ScanRunner(scanners: [SecretScanner()], walker: FileWalker())
        let plain = try runner.run(root: dir.path, context: ScanContext(root: dir.path))
        #expect(Set(plain.findings.map(\.ruleID)) == ["aws-access-key-id", "github-pat"])
        let configured = try runner.run(root: dir.path, context: ScanContext(root: dir.path, settings: ["secret": ["config": config.path]]))
        #expect(configured.findings.map(\.ruleID) == ["aws-access-key-id"])
    }

    @Test func invalidUserConfigFailsTheScan() throws {
        let dir = TestData.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("bad.yaml")
        try "rules: [{id: x, title: t, regex: '(', keywords: [x]}]\n".write(to: config, atomically: true, encoding: .utf8)
        let runner = ScanRunner(scanners: [SecretScanner()], walker: FileWalker())
        #expect(throws: StrataError.self) {
            _ = try runner.run(root: dir.path, context: ScanContext(root: dir.path, settings: ["secret": ["config": config.path]]))
        }
    }

    @Test func baselineSuppressesKnownFindings() throws {
        let finding = Finding(kind: .secret, ruleID: "r", title: "t", severity: .high, target: "a", message: "m", fingerprintHint: "h")
        let other = Finding(kind: .secret, ruleID: "r", title: "t", severity: .high, target: "b", message: "m", fingerprintHint: "h")
        let report = Report(createdAt: Date(timeIntervalSince1970: 0), artifact: Artifact(name: ".", kind: .filesystem), findings: [finding])
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .iso8601
        for bytes in [[UInt8](try enc.encode(report)), Array("[\"\(finding.fingerprint)\"]".utf8), Array("# known\n\(finding.fingerprint)\n".utf8)] {
            let baseline = try Baseline(path: "base.json", bytes: bytes)
            let out = baseline.apply(Suppressor.Outcome(kept: [finding, other], suppressed: [], diagnostics: []))
            #expect(out.kept == [other])
            #expect(out.suppressed.map(\.source) == [.baseline])
        }
        #expect(throws: StrataError.self) { _ = try Baseline(path: "b", bytes: Array("not a fingerprint\n".utf8)) }
    }
}
