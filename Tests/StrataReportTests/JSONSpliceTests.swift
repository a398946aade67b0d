import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataReport

/// The chunked, parallel JSON encoding gives the plain encoder's bytes exactly.
@Suite struct JSONSpliceTests {
    /// A report with `targets` results built from the sample's findings, varied so that chunks hold
    /// empty arrays (results with no findings), packages, quotes, newlines and non-ASCII text.
    static func report(targets: Int, suppressed: Int, diagnostics: Bool = true) -> Report {
        let sample = SampleReport.make()
        let findings = sample.allFindings
        let results = (0..<targets).map { i in
            let picked = (0..<(i % 4)).map { j in
                var f = findings[(i + j) % findings.count]
                f.message += " #\(i) \"q\"\n\tünï ✓"
                return f
            }
            let packages = i % 5 == 0 ? [PackageFacts(name: "p\(i)", installedVersion: "1.\(i)", fixedVersions: [], ecosystem: "npm")] : []
            return TargetResult(target: "dir/\(i)/file \(i).txt", findings: picked, packages: packages)
        }
        let hidden = (0..<suppressed).map { i in
            SuppressedFinding(finding: findings[i % findings.count], source: .inline, reason: i % 2 == 0 ? nil : "why \(i)", origin: "f:\(i)")
        }
        return Report(createdAt: SampleReport.createdAt, artifact: sample.artifact, results: results,
                      diagnostics: diagnostics ? sample.diagnostics : [], suppressed: hidden)
    }

    @Test(arguments: [(0, 0), (1, 0), (3, 1), (40, 0), (0, 40), (41, 17), (300, 300)], [1, 2, 7, 256])
    func chunkedEncodingEqualsThePlainEncoder(sizes: (Int, Int), chunk: Int) throws {
        for diagnostics in [true, false] {
            let report = Self.report(targets: sizes.0, suppressed: sizes.1, diagnostics: diagnostics)
            let plain = Array(try JSONWriter.encoder.encode(report))
            let chunked = try JSONWriter.encode(report, concurrency: 2, chunk: chunk)
            #expect(chunked == plain, "results \(sizes.0), suppressed \(sizes.1), chunk \(chunk)")
        }
    }

    @Test func aSkeletonWithoutTheArrayIsATypedError() {
        #expect(throws: JSONSplice.Error.markerMissing("Results")) {
            try JSONSplice.fill([("Results", [Array("{}".utf8)])], in: Array("{\n  \"Other\" : [\n\n  ]\n}".utf8))
        }
    }
}
