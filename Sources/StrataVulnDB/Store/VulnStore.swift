import Foundation
import GRDB
import StrataCore

/// The local vulnerability database: one SQLite file (GRDB), migrated on open. Advisories are
/// stored whole (JSON) plus the columns that lookups need: aliases, and (ecosystem, package)
/// pairs of `affected` entries, indexed for the matcher.
public struct VulnStore: Sendable {
    public let path: String
    let queue: DatabaseQueue

    public init(path: String) throws(StrataError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: config)
            try VulnStoreSchema.migrator.migrate(queue)
        } catch {
            throw StrataError(.io, "cannot open vulnerability database \(path): \(error)")
        }
    }

    /// Opens an existing database read-only, failing clearly when there is none.
    public static func openExisting(path: String) throws(StrataError) -> VulnStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StrataError(.fileNotFound, "no vulnerability database at \(path); create one with `strata db import` or `strata db update`")
        }
        return try VulnStore(path: path)
    }

    func write<T>(_ body: (Database) throws -> T) throws(StrataError) -> T {
        do { return try queue.write(body) } catch { throw StrataError(.io, "database write failed: \(error)") }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StrataError) -> T {
        do { return try queue.read(body) } catch { throw StrataError(.io, "database read failed: \(error)") }
    }
}

/// Schema versions. A new version is a new `registerMigration` line; existing ones never change.
enum VulnStoreSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE advisory (
                    id TEXT PRIMARY KEY NOT NULL,
                    source TEXT NOT NULL,
                    modified TEXT, published TEXT, withdrawn TEXT,
                    summary TEXT,
                    severity TEXT NOT NULL,
                    cvss_score REAL, cvss_vector TEXT,
                    json BLOB NOT NULL
                );
                CREATE TABLE alias (alias TEXT NOT NULL, advisory_id TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE);
                CREATE INDEX alias_by_alias ON alias(alias);
                CREATE INDEX alias_by_advisory ON alias(advisory_id);
                CREATE TABLE affected (
                    advisory_id TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
                    ecosystem TEXT NOT NULL, name TEXT NOT NULL, entry INTEGER NOT NULL
                );
                CREATE INDEX affected_by_package ON affected(ecosystem, name);
                CREATE INDEX affected_by_advisory ON affected(advisory_id);
                CREATE TABLE kev (
                    cve TEXT PRIMARY KEY NOT NULL, vendor TEXT, product TEXT, name TEXT,
                    date_added TEXT, due_date TEXT, ransomware TEXT
                );
                CREATE TABLE epss (cve TEXT PRIMARY KEY NOT NULL, score REAL NOT NULL, percentile REAL NOT NULL, date TEXT);
                CREATE TABLE source (
                    name TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, imported_at TEXT NOT NULL,
                    records INTEGER NOT NULL, sha256 TEXT NOT NULL
                );
                """)
        }
        return m
    }
}
