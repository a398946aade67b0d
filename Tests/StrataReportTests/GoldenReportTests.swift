import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataReport

@Suite struct GoldenReportTests {
    static let cases: [(format: String, file: String)] = [
        ("table", "sample.table.txt"),
        ("json", "sample.json"),
        ("sarif", "sample.sarif"),
        ("junit", "sample.junit.xml"),
    ]

    @Test(arguments: cases)
    func rendersSampleReport(format: String, file: String) throws {
        let writer = try ReportFormats.writer(for: format)
        let text = try writer.render(SampleReport.make(), options: RenderOptions())
        switch Golden.compare(text, suite: "reports", name: file) {
        case .match: break
        case .recorded(let path): Issue.record("recorded \(path); run again without STRATA_RECORD")
        case .missing(let path): Issue.record("golden file missing: \(path) (run with STRATA_RECORD=1)")
        case .mismatch(let path, let diff): Issue.record("\(path) differs at \(diff)")
        }
    }

    @Test func everyFormatIsRegisteredOnceWithAStableID() {
        let ids = ReportFormats.ids
        #expect(Set(ids).count == ids.count)
        #expect(ids == ["table", "json", "sarif", "junit"])
        for id in ids { #expect(id == id.lowercased() && !id.contains(" ")) }
    }

    @Test func unknownFormatIsATypedError() {
        #expect(throws: StrataError.self) { try ReportFormats.writer(for: "xml") }
        do {
            _ = try ReportFormats.writer(for: "xml")
        } catch {
            #expect(error.code == .unknownFormat)
        }
    }

    @Test func jsonRoundTrips() throws {
        let report = SampleReport.make()
        let text = try JSONWriter().render(report, options: RenderOptions())
        let decoded = try JSONWriter.decode(Data(text.utf8))
        #expect(decoded == report)
    }

    @Test func tableColoursOnlyWhenAsked() throws {
        let plain = try TableWriter().render(SampleReport.make(), options: RenderOptions(color: false))
        let coloured = try TableWriter().render(SampleReport.make(), options: RenderOptions(color: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31mCRITICAL"))
    }

    @Test func sarifCarriesFingerprintsAndSecuritySeverity() throws {
        let text = try SARIFWriter().render(SampleReport.make(), options: RenderOptions())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for r in results {
            let fp = (r["partialFingerprints"] as? [String: String])?["strataFingerprint/v1"]
            #expect(fp?.count == 64)
        }
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let severities = rules.compactMap { ($0["properties"] as? [String: Any])?["security-severity"] as? String }
        #expect(severities.sorted() == ["2.0", "5.5", "8.0", "9.5"])
    }
}
