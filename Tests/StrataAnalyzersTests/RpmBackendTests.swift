import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataAnalyzers

/// The BerkeleyDB and ndb forms of the rpm database (`make-bdb-ndb.py` derives them from the
/// SQLite fixture RPM wrote), read natively and compared with `rpm -qa`.
@Suite struct RpmBackendTests {
    static let bdb = "var/lib/rpm/Packages", ndb = "usr/lib/sysimage/rpm/Packages.db"
    static let queryFormat = "%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM}\\n"

    static func rows(_ inv: Inventory) -> [String] {
        inv.packages.map { p in
            let evr = p.version!.contains(":") ? p.version! : "0:" + p.version!
            let source = "\(p.sourceName!)-\(p.sourceVersion!.split(separator: ":").last!).src.rpm"
            return "\(p.name) \(evr) \(p.purl?.qualifiers["arch"] ?? "-") \(source)"
        }.sorted()
    }

    static func expected() throws -> [String] {
        String(decoding: try Fixture.bytes("rpm-database/expected.txt"), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(arguments: [bdb, ndb])
    func matchesRpmQueryAll(path: String) throws {
        let inv = RpmDatabaseParser().parse(try Fixture.bytes("rpm-database/" + path), path: path)
        #expect(inv.diagnostics.isEmpty, "\(inv.diagnostics)")
        #expect(Self.rows(inv) == (try Self.expected()))
        #expect(inv.packages.allSatisfy { $0.location == SourceLocation(path: path) })
    }

    /// Debian's rpm reads BerkeleyDB with its own read-only backend (`bdb_ro`): the oracle, for
    /// the fixture and for databases written at test time with other page sizes (small pages put
    /// every header on overflow chains; 64 kB pages keep most inline).
    @Test(arguments: [0, 512, 1024, 16_384, 65_536])
    func berkeleyDBAgreesWithRpm(pageSize: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strata-bdb-\(getpid())-\(pageSize)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("Packages")
        if pageSize == 0 {
            try Data(try Fixture.bytes("rpm-database/" + Self.bdb)).write(to: db)
        } else {
            let script = Fixture.directory.appendingPathComponent("rpm-database/make-bdb-ndb.py").path
            let made = try ProcessRunner.run("/usr/bin/python3", [script, String(pageSize), db.path])
            #expect(made.status == 0, "db5.3_load (db5.3-util in scripts/apt-packages.txt): \(made.stderr)")
        }
        let rpm = try ProcessRunner.run("/usr/bin/rpm", ["--dbpath", dir.path, "--define", "_db_backend bdb_ro", "-qa", "--qf", Self.queryFormat])
        #expect(rpm.status == 0, "\(rpm.stderr)")
        let oracle = rpm.stdout.split(separator: "\n").map(String.init).sorted()
        let inv = RpmDatabaseParser().parse([UInt8](try Data(contentsOf: db)), path: Self.bdb)
        #expect(inv.diagnostics.isEmpty, "\(inv.diagnostics)")
        #expect(oracle.count == 41)
        #expect(Self.rows(inv) == oracle)
    }

    /// Truncation anywhere and garbage pages: a diagnostic or fewer packages, never a trap.
    @Test(arguments: [bdb, ndb])
    func corruption(path: String) throws {
        let original = try Fixture.bytes("rpm-database/" + path)
        for cut in stride(from: 0, to: original.count, by: 1531) {
            let inv = RpmDatabaseParser().parse(Array(original.prefix(cut)), path: path)
            #expect(inv.packages.count <= 41)
            #expect(inv.packages.count == 41 || !inv.diagnostics.isEmpty || cut < 4096, "cut at \(cut)")
        }
        for page in 0..<(original.count / 4096) {
            var bytes = original
            for i in 0..<4096 where i % 5 == 0 { bytes[page * 4096 + i] = UInt8(truncatingIfNeeded: i &* 37 &+ page) }
            let inv = RpmDatabaseParser().parse(bytes, path: path)
            #expect(inv.packages.count <= 41)
            #expect(inv.diagnostics.allSatisfy { $0.location.path == path })
        }
    }

    static func zeros(_ n: Int) -> [UInt8] { [UInt8](repeating: 0, count: n) }
    static let bdbMagic: [UInt8] = [0x61, 0x15, 0x06, 0x00, 9, 0, 0, 0]
    static let hostile: [(String, [UInt8])] = [
        ("ndb bad version", Array("RpmP".utf8) + [1, 0, 0, 0] + zeros(4088)),
        ("ndb slot table past the end", Array("RpmP".utf8) + zeros(8) + [9, 0, 0, 0] + zeros(4080)),
        ("bdb odd page size", zeros(12) + bdbMagic + [0x10, 0x27, 0, 0] + zeros(4072)),
        ("bdb encrypted", zeros(12) + bdbMagic + [0, 0x10, 0, 0, 1] + zeros(4071)),
        ("bdb shorter than a page", zeros(12) + bdbMagic + [0, 0x10, 0, 0]),
    ]

    @Test(arguments: hostile)
    func hostileHeaders(name: String, bytes: [UInt8]) {
        let inv = RpmDatabaseParser().parse(bytes, path: Self.bdb)
        #expect(inv.packages.isEmpty, "\(name)")
        #expect(inv.diagnostics.map(\.code) == [.parseError], "\(name)")
    }

    @Test(arguments: [bdb, ndb])
    func packageLimit(path: String) throws {
        let inv = RpmDatabaseParser(limits: ParseLimits(maxPackages: 5)).parse(try Fixture.bytes("rpm-database/" + path), path: path)
        #expect(inv.packages.count == 5)
        #expect(inv.diagnostics.count == 1)
    }
}
