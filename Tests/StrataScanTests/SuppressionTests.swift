import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataScan

@Suite struct IgnoreFileTests {
    static let now = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z

    static func finding(_ id: String, path: String = "deploy/app.yaml", line: Int = 5, aliases: [String] = []) -> Finding {
        Finding(kind: .misconfiguration, ruleID: id, aliases: aliases, title: id, severity: .high, target: path,
                location: SourceLocation(path: path, startLine: line), message: "m")
    }

    @Test func parsesEntriesReasonsAndErrors() {
        let file = IgnoreFile(path: ".strataignore", text: """
            # accepted risks
            CVE-2026-0001
            STRATA-K8S-* path:deploy/**/*.yaml exp:2027-01-31 # until the migration

            STRATA-TF-0001 exp:2026-13-01
            STRATA-TF-0002 bogus:word
            """)
        #expect(file.entries.count == 2)
        #expect(file.entries[1].reason == "until the migration")
        #expect(file.entries[1].expiryText == "2027-01-31")
        #expect(file.diagnostics.map(\.location.startLine) == [5, 6])
        #expect(file.diagnostics.allSatisfy { $0.code == .ignoreFileInvalid })
    }

    @Test(arguments: [
        ("STRATA-K8S-0001", "STRATA-K8S-0001", "deploy/app.yaml", [String](), true),
        ("STRATA-K8S-*", "STRATA-K8S-0042", "deploy/app.yaml", [], true),
        ("CVE-2026-0001", "GHSA-aaaa", "requirements.txt", ["CVE-2026-0001"], true),
        ("STRATA-K8S-0001 path:other/*.yaml", "STRATA-K8S-0001", "deploy/app.yaml", [], false),
        ("STRATA-K8S-0001 path:deploy/*.yaml", "STRATA-K8S-0001", "deploy/app.yaml", [], true),
        ("STRATA-K8S-0001 path:app.yaml", "STRATA-K8S-0001", "deploy/app.yaml", [], true),
        ("STRATA-K8S-0002", "STRATA-K8S-0001", "deploy/app.yaml", [], false),
    ])
    func matching(line: String, id: String, path: String, aliases: [String], suppressed: Bool) {
        let file = IgnoreFile(path: ".strataignore", text: line)
        let s = Suppressor(ignoreFile: file, clock: FixedClock(IgnoreFileTests.now), readFile: nil)
        let out = s.apply([IgnoreFileTests.finding(id, path: path, aliases: aliases)])
        #expect(out.suppressed.count == (suppressed ? 1 : 0))
        #expect(out.kept.count == (suppressed ? 0 : 1))
    }

    @Test func fingerprintEntrySuppressesExactlyOneFinding() {
        let a = IgnoreFileTests.finding("STRATA-X", line: 1), b = IgnoreFileTests.finding("STRATA-X", line: 9)
        let file = IgnoreFile(path: ".strataignore", text: a.fingerprint)
        let out = Suppressor(ignoreFile: file, clock: FixedClock(IgnoreFileTests.now), readFile: nil).apply([a, b])
        #expect(out.suppressed.map(\.finding) == [a])
        #expect(out.kept == [b])
    }

    @Test(arguments: [("2026-11-30", false), ("2026-12-01", true), ("2027-01-01", true)])
    func expiry(date: String, active: Bool) {
        let file = IgnoreFile(path: ".strataignore", text: "STRATA-X exp:\(date) # reason")
        let out = Suppressor(ignoreFile: file, clock: FixedClock(IgnoreFileTests.now), readFile: nil)
            .apply([IgnoreFileTests.finding("STRATA-X")])
        #expect(out.suppressed.count == (active ? 1 : 0))
        #expect(out.diagnostics.contains { $0.reason.contains("expired") } == !active)
        if active { #expect(out.suppressed.first?.origin == ".strataignore:1") }
    }
}

@Suite struct InlineSuppressionTests {
    static let yaml = """
        apiVersion: v1
        kind: Pod
        # strata:ignore:STRATA-K8S-0001 privileged on purpose for the CNI
        spec:
          containers:
          - name: a  # strata:ignore:STRATA-K8S-0002
            image: x
          # strata:ignore:STRATA-K8S-0003,STRATA-K8S-0004 exp:2000-01-01 too late
          hostNetwork: true
        resource "aws_s3_bucket" "b" { // strata:ignore:STRATA-TF-*
        }
        """

    @Test(arguments: [
        ("STRATA-K8S-0001", 4, 4, true),   // comment on the line above
        ("STRATA-K8S-0001", 5, 5, false),  // not the next line
        ("STRATA-K8S-0002", 6, 6, true),   // trailing comment on the same line
        ("STRATA-K8S-0009", 6, 6, false),  // other id
        ("STRATA-K8S-0001", 1, 9, true),   // comment inside the finding's range
        ("STRATA-K8S-0003", 9, 9, false),  // expired inline entry
        ("STRATA-TF-0007", 10, 11, true),  // `//` comment and an id glob
    ])
    func placement(id: String, start: Int, end: Int, suppressed: Bool) {
        let finding = Finding(kind: .misconfiguration, ruleID: id, title: id, severity: .high, target: "p.yaml",
                              location: SourceLocation(path: "p.yaml", startLine: start, endLine: end), message: "m")
        let bytes = Array(InlineSuppressionTests.yaml.utf8)
        let out = Suppressor(ignoreFile: nil, clock: FixedClock(IgnoreFileTests.now), readFile: { _ in bytes }).apply([finding])
        #expect(out.suppressed.count == (suppressed ? 1 : 0), "\(id) \(start)-\(end)")
        if suppressed { #expect(out.suppressed[0].source == .inline) }
    }

    /// The marker search finds the same comments, on the same lines, as parsing every line.
    @Test func markerSearchAgreesWithParsingEveryLine() {
        var rng = SplitMix64(seed: 3)
        let pieces = ["# ", "// ", "strata:ignore:", "strata:ignore", "STRATA-1,X-2", " exp:2027-01-01", " why not", "x", "\n", "\n\n", "s", "#"]
        for _ in 0..<300 {
            let text = (0..<Int(rng.next() % 30)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let bytes = Array(text.utf8)
            var expected: [InlineSuppressions.Comment] = []
            var line = 1, start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if let c = InlineSuppressions.parse(bytes[start..<i], line: line) { expected.append(c) }
                line += 1
                start = i + 1
            }
            #expect(InlineSuppressions(bytes: bytes).comments == expected, "\(text.debugDescription)")
        }
    }

    /// The sixteen-at-a-time marker search against a byte-by-byte one, with markers at every
    /// offset of a 16-byte block, at the very end, cut off by the end, and among near misses.
    @Test func markerSearchAgreesWithByteByByteSearch() {
        var rng = SplitMix64(seed: 11)
        let marker = InlineSuppressions.marker
        let decoys = ["strata:ignore", "strata:ignorx:", "xtrata:ignore:", "gggg::::", "g:", "strata:ig"]
        for round in 0..<400 {
            var bytes = (0..<Int(rng.next() % 200)).map { _ in Array("ag: s\n".utf8)[Int(rng.next() % 6)] }
            for _ in 0..<Int(rng.next() % 4) {
                let piece = rng.next() % 3 == 0 ? marker : Array(decoys[Int(rng.next() % UInt64(decoys.count))].utf8)
                bytes.insert(contentsOf: piece, at: Int(rng.next() % UInt64(bytes.count + 1)))
            }
            if round % 10 == 0 { bytes += marker.prefix(Int(rng.next() % UInt64(marker.count + 1))) }
            var want: [Int] = []
            if bytes.count >= marker.count {
                for i in 0...(bytes.count - marker.count) where bytes[i..<(i + marker.count)].elementsEqual(marker) { want.append(i) }
            }
            var got: [Int] = []
            var at = InlineSuppressions.nextMarker(in: bytes, from: 0)
            while let m = at {
                got.append(m)
                at = InlineSuppressions.nextMarker(in: bytes, from: m + 1)
            }
            #expect(got == want, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func reasonIsKept() {
        let c = InlineSuppressions(bytes: Array(InlineSuppressionTests.yaml.utf8)).comments
        #expect(c.first?.reason == "privileged on purpose for the CNI")
        #expect(c.count == 4)
    }
}
