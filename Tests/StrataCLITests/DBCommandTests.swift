import Foundation
import Testing
import _StrataTestSupport

@Suite struct DBCommandTests {
    @Test func importThenInfoThroughTheBinary() throws {
        let dir = try TestEnvironment.temporaryDirectory("dbcli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("cache").path
        let zip = RepoPaths.shared("vulndb/osv/crates.io.zip").path
        let kev = RepoPaths.shared("vulndb/kev/known_exploited_vulnerabilities.json").path
        let imported = try CLI().run(["db", "import", "--cache-dir", cache, zip, kev])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1206 osv record(s), 13 withdrawn"))
        let info = try CLI().run(["db", "info", "--cache-dir", cache, "--format", "json"])
        #expect(info.status == 0, "\(info.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(doc["Advisories"] as? Int == 1206)
        #expect(doc["KEVEntries"] as? Int == 1404)
    }

    @Test func errorsAreExitTwo() throws {
        let dir = try TestEnvironment.temporaryDirectory("dbcli-err")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("cache").path
        let missing = try CLI().run(["db", "info", "--cache-dir", cache])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("strata db import"))
        try Data("hello".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let bad = try CLI().run(["db", "import", "--cache-dir", cache, dir.appendingPathComponent("notes.txt").path])
        #expect(bad.status == 2)
        let offline = try CLI().run(["db", "update", "--offline", "--db-repository", "http://127.0.0.1:9/db", "--cache-dir", cache])
        #expect(offline.status == 2)
        #expect(offline.stderr.contains("--offline"))
    }
}
