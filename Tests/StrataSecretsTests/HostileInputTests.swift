import Foundation
import Testing
@testable import StrataSecrets

/// Huge, dense and pathological inputs finish in bounded time.
@Suite struct HostileInputTests {
    func timed(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    @Test func minifiedFiftyMegabyteSingleLine() {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        let chunk = Array("var a=function(b){return b.map(function(c){return c*2})};".utf8)
        while bytes.count < 50 << 20 { bytes += chunk }
        let secret = Array(" k=\"\(TestData.githubPAT)\";".utf8)
        bytes.replaceSubrange((25 << 20)..<((25 << 20) + secret.count), with: secret)
        var found: [String] = []
        let seconds = timed { found = TestData.engine.scan(bytes, path: "app.min.js").matches.map(\.ruleID) }
        #expect(found.contains("github-pat"))
        #expect(seconds < 60, "took \(seconds)s")
    }

    @Test(arguments: ["password=", "ghp_", "eyJ", "token: ", "-----BEGIN RSA PRIVATE KEY-----", "://a:", "AAAA"])
    func denseKeywordsOnOneLine(_ keyword: String) {
        let unit = Array((keyword + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").utf8)
        var bytes: [UInt8] = []
        while bytes.count < 1 << 20 { bytes += unit }
        let seconds = timed { _ = TestData.engine.scan(bytes, path: "dense.txt") }
        #expect(seconds < 60, "took \(seconds)s")
    }

    @Test func longTokenLikeRunIsLinear() {
        let bytes = Array(("ghp_" + String(repeating: "A", count: 2 << 20)).utf8)
        let seconds = timed { _ = TestData.engine.scan(bytes, path: "run.txt") }
        #expect(seconds < 30, "took \(seconds)s")
    }

    @Test func emptyAndTinyInputs() {
        #expect(TestData.engine.scan([], path: "e").matches.isEmpty)
        #expect(TestData.engine.scan([0x0A], path: "e").matches.isEmpty)
        #expect(TestData.engine.scan(Array("ghp_".utf8), path: "e").matches.isEmpty)
    }
}
