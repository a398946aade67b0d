import Foundation
import Testing
@testable import StrataSecrets

/// Huge, dense and pathological inputs: the work is bounded by construction, and the tests check
/// the bound (total regex input is linear in the file size, each regex input is capped) rather
/// than wall-clock time.
@Suite struct HostileInputTests {
    /// Total bytes the regexes will see, and the largest single window.
    func windowWork(_ bytes: [UInt8]) -> (total: Int, largest: Int) {
        let windows = TestData.engine.collectWindows(bytes, path: "f")
        let all = windows.values.flatMap { $0 }
        return (all.reduce(0) { $0 + $1.count }, all.map(\.count).max() ?? 0)
    }

    @Test func minifiedFiftyMegabyteSingleLine() {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        let chunk = Array("var a=function(b){return b.map(function(c){return c*2})};".utf8)
        while bytes.count < 50 << 20 { bytes += chunk }
        let secret = Array(" k=\"\(TestData.githubPAT)\";".utf8)
        bytes.replaceSubrange((25 << 20)..<((25 << 20) + secret.count), with: secret)
        #expect(TestData.engine.scan(bytes, path: "app.min.js").matches.map(\.ruleID).contains("github-pat"))
        let work = windowWork(bytes)
        #expect(work.largest <= WindowBuilder.cap)
        #expect(work.total < 1 << 20, "regexes see \(work.total) bytes of a 50 MB file with one keyword")
    }

    @Test(arguments: ["password=", "ghp_", "eyJ", "token: ", "-----BEGIN RSA PRIVATE KEY-----", "://a:", "AAAA", "api_key=\"", "sk"])
    func denseKeywordsOnOneLine(_ keyword: String) {
        let unit = Array((keyword + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").utf8)
        var bytes: [UInt8] = []
        while bytes.count < 512 << 10 { bytes += unit }
        let work = windowWork(bytes)
        let owners = TestData.ruleSet.rules.filter { r in r.spec.keywords.contains { bytes.prefix(4096).lowercasedContains($0) } }.count
        #expect(work.largest <= WindowBuilder.cap)
        // Each owning rule sees the file about once (windows overlap only at the cap seams).
        #expect(work.total <= (owners + 1) * bytes.count * 3 / 2, "\(work.total) bytes for \(owners) rules")
        _ = TestData.engine.scan(bytes, path: "dense.txt")
    }

    @Test func longTokenLikeRunTerminates() {
        let bytes = Array(("ghp_" + String(repeating: "Q", count: 2 << 20)).utf8)
        #expect(TestData.engine.scan(bytes, path: "run.txt").matches.isEmpty)
        #expect(windowWork(bytes).total <= 2 * CompiledRule.maxWindow)
    }

    @Test func manySecretsAreCapped() {
        var text = ""
        for i in 0..<(SecretEngine.maxMatchesPerFile + 50) {
            text += "k=" + TestData.githubPAT.prefix(4 + 30) + String(format: "%06d", i) + "\n"
        }
        let result = TestData.engine.scan(Array(text.utf8), path: "many")
        #expect(result.matches.count == SecretEngine.maxMatchesPerFile)
        #expect(result.truncated == true)
    }

    @Test func emptyAndTinyInputs() {
        #expect(TestData.engine.scan([], path: "e").matches.isEmpty)
        #expect(TestData.engine.scan([0x0A], path: "e").matches.isEmpty)
        #expect(TestData.engine.scan(Array("ghp_".utf8), path: "e").matches.isEmpty)
    }
}

extension Collection where Element == UInt8 {
    func lowercasedContains(_ word: String) -> Bool {
        String(decoding: self, as: UTF8.self).lowercased().contains(word)
    }
}
