import Foundation
import StrataCore
import Testing
import ZIPFoundation
import _StrataTestSupport
@testable import StrataVulnDB

@Suite struct ImportTests {
    /// Counts from ../shared/vulndb/README.md.
    @Test(arguments: [("PyPI", 2661, 10), ("Go", 4291, 17), ("crates.io", 1206, 13)])
    func importsEveryAdvisoryOfTheRealExports(zip: String, advisories: Int, withdrawn: Int) throws {
        let built = try SharedDatabase.get()
        let summary = try #require(built.summaries[zip])
        #expect(summary.records == advisories)
        #expect(summary.withdrawn == withdrawn)
        #expect(summary.diagnostics.isEmpty)
        #expect(try built.store.info().advisoriesByEcosystem[zip] == advisories)
    }

    @Test func kevAndLookups() throws {
        let built = try SharedDatabase.get()
        #expect(built.summaries["kev"]?.records == 1404)
        #expect(try built.store.isKnownExploited("CVE-2025-48384"))
        #expect(try !built.store.isKnownExploited("CVE-1999-0000"))
        let urllib3 = try built.store.advisories(ecosystem: "PyPI", package: "URLLib3")
        #expect(urllib3.contains { $0.id == "PYSEC-2023-192" })
        #expect(try built.store.advisories(ecosystem: "PyPI", package: "flask_cors").count == (try built.store.advisories(ecosystem: "PyPI", package: "Flask-CORS").count))
        let info = try built.store.info()
        #expect(info.sources.map(\.name).sorted() == ["Go.zip", "PyPI.zip", "cisa-kev@2025.08.25", "crates.io.zip"])
        #expect(info.sources.first { $0.name == "PyPI.zip" }?.sha256 == "f992db1e0799a23ec157f9700f1db57f9e79aa824d2c48a1114e696ce2efbfaf")
    }

    @Test func reimportIsIdempotent() throws {
        let dir = try TestEnvironment.temporaryDirectory("reimport")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try VulnStore(path: dir.appendingPathComponent("db.sqlite").path)
        let importer = VulnImporter(store: store)
        let zip = RepoPaths.shared("vulndb/osv/crates.io.zip").path
        _ = try importer.importFile(zip)
        let first = try store.info()
        _ = try importer.importFile(zip)
        let second = try store.info()
        #expect(first.advisories == second.advisories && first.advisories == 1206)
        #expect(first.advisoriesByEcosystem == second.advisoriesByEcosystem)
    }
}

@Suite struct HostileImportTests {
    static func makeZip(_ entries: [(String, Data)], at url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static let validAdvisory = Data(#"{"id":"TEST-1","affected":[{"package":{"ecosystem":"PyPI","name":"demo"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]}]}"#.utf8)

    @Test func badEntriesAreDiagnosticsAndTheRestIsImported() throws {
        let dir = try TestEnvironment.temporaryDirectory("hostile-zip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = dir.appendingPathComponent("mixed.zip")
        let bomb = Data(count: 8 << 20)  // 8 MiB of zeros compresses to a few KiB
        try HostileImportTests.makeZip([
            ("a/TEST-1.json", HostileImportTests.validAdvisory),
            ("b/broken.json", Data("{\"id\": ".utf8)),
            ("c/noid.json", Data(#"{"affected": []}"#.utf8)),
            ("d/bomb.json", bomb),
            ("e/badevent.json", Data(#"{"id":"TEST-2","affected":[{"ranges":[{"type":"SEMVER","events":[{"oops":"1"}]}]}]}"#.utf8)),
            ("README.txt", Data("not json".utf8)),
        ], at: zip)
        let zipSize = try FileManager.default.attributesOfItem(atPath: zip.path)[.size] as? Int ?? 0
        #expect(zipSize < 1 << 20)
        let store = try VulnStore(path: dir.appendingPathComponent("db.sqlite").path)
        let summary = try VulnImporter(store: store, limits: ImportLimits(maxEntryBytes: 1 << 20)).importFile(zip.path)
        #expect(summary.records == 1)
        let byEntry = Dictionary(uniqueKeysWithValues: summary.diagnostics.map { ($0.location.path.components(separatedBy: ":").last!, $0.code) })
        #expect(byEntry == ["b/broken.json": .parseError, "c/noid.json": .parseError, "d/bomb.json": .fileTooLarge, "e/badevent.json": .parseError])
        #expect(try store.advisories(ecosystem: "PyPI", package: "demo").map(\.id) == ["TEST-1"])
    }

    @Test(arguments: ["garbage", "truncated", "empty"])
    func corruptArchivesAreTypedErrors(kind: String) throws {
        let dir = try TestEnvironment.temporaryDirectory("corrupt-zip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.zip").path
        switch kind {
        case "garbage":
            try Data([0x50, 0x4B, 0x03, 0x04] + (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
        case "truncated":
            let real = try Data(contentsOf: RepoPaths.shared("vulndb/osv/crates.io.zip"))
            try real.prefix(real.count / 2).write(to: URL(fileURLWithPath: path))
        default:
            try Data().write(to: URL(fileURLWithPath: path))
        }
        let store = try VulnStore(path: dir.appendingPathComponent("db.sqlite").path)
        #expect(throws: StrataError.self) { _ = try VulnImporter(store: store).importFile(path) }
        #expect(try store.info().advisories == 0)
    }

    @Test func epssRowsAndBadLines() throws {
        let dir = try TestEnvironment.temporaryDirectory("epss")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("epss.csv")
        try Data("#model_version:v2025.03.14,score_date:2026-11-30T00:00:00+0000\ncve,epss,percentile\nCVE-2024-0001,0.97,0.999\nCVE-2024-0002,abc,0.5\nCVE-2024-0003,0.01,0.2\n".utf8).write(to: csv)
        let store = try VulnStore(path: dir.appendingPathComponent("db.sqlite").path)
        let summary = try VulnImporter(store: store).importFile(csv.path)
        #expect(summary.records == 2)
        #expect(summary.diagnostics.map(\.location.startLine) == [4])
        let score = try #require(try store.epss("CVE-2024-0001"))
        #expect(score.score == 0.97 && score.percentile == 0.999)
    }
}
