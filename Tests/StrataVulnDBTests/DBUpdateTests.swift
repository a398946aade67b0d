import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataVulnDB

/// `db update` against a real HTTP server on 127.0.0.1 (Python's http.server, started and
/// stopped by the test): conditional requests, atomic swap, an interrupted download.
@Suite struct DBUpdateTests {
    static func server(serving file: String) throws -> (BackgroundProcess, String) {
        let python = try #require(TestEnvironment.oraclePython(), "oracle venv missing: run scripts/test")
        let script = RepoPaths.root().appendingPathComponent("scripts/oracles/http_fixture_server.py").path
        let server = try BackgroundProcess(python, [script, file])
        let port = try #require(Int(server.firstLine), "server did not report a port: \(server.firstLine)")
        return (server, "http://127.0.0.1:\(port)")
    }

    @Test func downloadsOnceThenConditionalRequestsAndSurvivesInterruption() throws {
        let dir = try TestEnvironment.temporaryDirectory("dbupdate")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A published database with one advisory.
        let published = dir.appendingPathComponent("published.db").path
        let advisory = dir.appendingPathComponent("TEST-1.json")
        try HostileImportTests.validAdvisory.write(to: advisory)
        _ = try VulnImporter(store: try VulnStore(path: published)).importFile(advisory.path)
        let (server, base) = try DBUpdateTests.server(serving: published)
        defer { server.stop() }

        let local = dir.appendingPathComponent("cache/db/strata.db").path
        let updater = DBUpdater(databasePath: local)
        #expect(try updater.update(from: URL(string: base + "/db")!) != .upToDate)
        #expect(try VulnStore.openExisting(path: local).advisories(ecosystem: "PyPI", package: "demo").map(\.id) == ["TEST-1"])
        #expect(try updater.update(from: URL(string: base + "/db")!) == .upToDate)

        let before = try Data(contentsOf: URL(fileURLWithPath: local))
        #expect(throws: StrataError.self) { _ = try updater.update(from: URL(string: base + "/truncated")!) }
        #expect(throws: StrataError.self) { _ = try updater.update(from: URL(string: base + "/missing")!) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: local)) == before, "an interrupted download leaves the old database intact")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (local as NSString).deletingLastPathComponent).filter { $0.contains("download") }
        #expect(leftovers.isEmpty)
    }

    @Test func importsAnOSVZipServedOverHTTP() throws {
        let dir = try TestEnvironment.temporaryDirectory("dbupdate-zip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (server, base) = try DBUpdateTests.server(serving: RepoPaths.shared("vulndb/osv/crates.io.zip").path)
        defer { server.stop() }
        let local = dir.appendingPathComponent("db/strata.db").path
        #expect(try DBUpdater(databasePath: local).update(from: URL(string: base + "/db")!) == .imported(records: 1206))
        #expect(try VulnStore.openExisting(path: local).info().advisoriesByEcosystem["crates.io"] == 1206)
    }
}
