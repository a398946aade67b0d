import Foundation
import Testing
import StrataCore
@testable import StrataSecrets

@Suite struct EngineTests {
    @Test func findsWithLineAndColumn() throws {
        let text = "a = 1\nb = 2\n  key: \(TestData.awsID)\n"
        let result = TestData.engine.scan(Array(text.utf8), path: "c.yaml")
        let findings = SecretFindings(ruleSet: TestData.ruleSet).findings(result, target: "c.yaml", path: "c.yaml")
        let f = try #require(findings.first { $0.ruleID == "aws-access-key-id" })
        #expect(f.location?.startLine == 3)
        #expect(f.location?.startColumn == 8)
        #expect(f.kind == .secret)
        #expect(f.message.contains("AKIA************4WTN"))
    }

    @Test(arguments: [TestData.awsID, TestData.githubPAT, TestData.stripeLive])
    func rawSecretNeverInFinding(_ secret: String) throws {
        let text = "x = \"\(secret)\" # and again \(secret)\n"
        let result = TestData.engine.scan(Array(text.utf8), path: "s.py")
        let findings = SecretFindings(ruleSet: TestData.ruleSet).findings(result, target: "s.py", path: "s.py")
        #expect(!findings.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(findings), as: UTF8.self)
        #expect(!json.contains(secret))
        #expect(!json.contains(String(secret.dropFirst(4).prefix(12))))
    }

    @Test func fingerprintSurvivesLinesMoving() {
        let rules = SecretFindings(ruleSet: TestData.ruleSet)
        let a = "k = \(TestData.githubPAT)\n", b = "\n\n# new header\n\nk = \(TestData.githubPAT)\n"
        let fa = rules.findings(TestData.engine.scan(Array(a.utf8), path: "p"), target: "p", path: "p")
        let fb = rules.findings(TestData.engine.scan(Array(b.utf8), path: "p"), target: "p", path: "p")
        #expect(fa.map(\.fingerprint) == fb.map(\.fingerprint))
        #expect(fa.first?.location?.startLine != fb.first?.location?.startLine)
    }

    @Test(arguments: [
        ("AKIAZ3MQ7RXK2PLV4WTN", "AKIA************4WTN"),
        ("short", "*****"),
        ("abcdefghijkl", "ab********kl"),
    ])
    func redaction(_ secret: String, _ expected: String) {
        #expect(Redaction.redact(secret) == expected)
    }

    @Test(arguments: ["", " ", "\t a b \t", "abc", "\u{A0}x\u{3000}", " \u{2003}é ", "x\n", "\u{200B}y"])
    func excerptTrimmingMatchesFoundation(_ text: String) {
        #expect(SecretFindings.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces))
    }

    /// The byte fast path gives the character-wise answer, including line breaks inside PEM bodies.
    @Test(arguments: ["", "a", "abcdefghi", "abcdefghij", "0123456789abcdef", String(repeating: "x", count: 40),
                      "-----BEGIN KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF\n-----END KEY-----", "ab\ncd\nef\ngh\nij\nkl",
                      "p\u{E4}ssw\u{F6}rd-123456", "a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng", "tab\there-and-there"])
    func redactionFastPathAgrees(_ secret: String) {
        #expect(Redaction.redact(secret) == Redaction.redactByCharacter(secret))
    }

    @Test func binaryFilesAreSkipped() {
        var bytes = Array("header\0\(TestData.awsID)".utf8)
        #expect(TestData.engine.scan(bytes, path: "b").skipped == .binary)
        bytes = (0..<1024).map { _ in UInt8(0xFF) } + Array(TestData.awsID.utf8)
        #expect(TestData.engine.scan(bytes, path: "b").skipped == .binary)
    }

    @Test func invalidUTF8IsReplacedAndOffsetsStayExact() throws {
        var bytes = Array("é\u{2603} ok ".utf8) + [0xC3, 0x28, 0xFF] + Array(" id=\(TestData.awsID)\n".utf8)
        bytes += Array("tail".utf8)
        let result = TestData.engine.scan(bytes, path: "u")
        let m = try #require(result.matches.first { $0.ruleID == "aws-access-key-id" })
        #expect(m.secret == TestData.awsID)
        #expect(Array(result.text[m.secretRange]) == Array(TestData.awsID.utf8))
    }

    @Test func specificRuleWinsOverGeneric() {
        let ids = TestData.ids("api_key = \"\(TestData.stripeLive)\"")
        #expect(ids == ["stripe-live-secret-key"])
    }

    @Test func allowlistedPathsAreSkipped() {
        #expect(TestData.engine.scan(Array("x \(TestData.awsID)".utf8), path: "web/package-lock.json").skipped == .allowlistedPath)
    }

    @Test func placeholdersAreIgnored() {
        #expect(TestData.ids("aws_access_key_id = AKIAIOSFODNN7EXAMPLE").isEmpty)
        #expect(TestData.ids("password = \"${DB_PASSWORD}\"").isEmpty)
        #expect(TestData.ids("token = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"").isEmpty)
    }

    @Test func multilinePrivateKeyHasLineRange() throws {
        let body = (0..<8).map { i in String(repeating: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", count: 2) + "\(i)" }.joined(separator: "\n")
        let text = "# deploy key\n-----BEGIN RSA PRIVATE KEY-----\n\(body)\n-----END RSA PRIVATE KEY-----\n"
        let result = TestData.engine.scan(Array(text.utf8), path: "id_rsa")
        let f = try #require(SecretFindings(ruleSet: TestData.ruleSet).findings(result, target: "id_rsa", path: "id_rsa").first)
        #expect(f.ruleID == "private-key-rsa")
        #expect(f.location?.startLine == 3)
        #expect(f.location?.endLine == 10)
    }
}
