import Foundation
import GRDB
import StrataCore

/// What `strata db info` shows.
public struct VulnDBInfo: Sendable, Hashable {
    public struct Source: Sendable, Hashable {
        public var name: String
        public var kind: String
        public var importedAt: String
        public var records: Int
        public var sha256: String
    }

    public var schemaVersion: String
    public var advisories: Int
    public var withdrawn: Int
    public var advisoriesByEcosystem: [String: Int]
    public var kevEntries: Int
    public var epssScores: Int
    public var sources: [Source]
}

extension VulnStore {
    public func info() throws(StrataError) -> VulnDBInfo {
        try read { db in
            let byEcosystem = try Row.fetchAll(db, sql: "SELECT ecosystem, COUNT(DISTINCT advisory_id) AS n FROM affected GROUP BY ecosystem ORDER BY ecosystem")
            let sources = try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY kind, name").map { r in
                VulnDBInfo.Source(name: r["name"], kind: r["kind"], importedAt: r["imported_at"], records: r["records"], sha256: r["sha256"])
            }
            let applied = try VulnStoreSchema.migrator.appliedMigrations(db)
            return VulnDBInfo(
                schemaVersion: applied.last ?? "none",
                advisories: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advisory") ?? 0,
                withdrawn: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advisory WHERE withdrawn IS NOT NULL") ?? 0,
                advisoriesByEcosystem: Dictionary(uniqueKeysWithValues: byEcosystem.map { ($0["ecosystem"] as String, $0["n"] as Int) }),
                kevEntries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM kev") ?? 0,
                epssScores: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM epss") ?? 0,
                sources: sources)
        }
    }

    /// Advisories that name a package of an ecosystem (withdrawn ones excluded).
    public func advisories(ecosystem: String, package: String) throws(StrataError) -> [OSVAdvisory] {
        let name = PackageName.normalized(package, ecosystem: ecosystem)
        return try read { db in
            let blobs = try Data.fetchAll(db, sql: """
                SELECT a.json FROM advisory a JOIN affected f ON f.advisory_id = a.id
                WHERE f.ecosystem = ? AND f.name = ? AND a.withdrawn IS NULL
                GROUP BY a.id ORDER BY a.id
                """, arguments: [ecosystem, name])
            return try blobs.map { try JSONDecoder().decode(OSVAdvisory.self, from: $0) }
        }
    }

    public func isKnownExploited(_ cve: String) throws(StrataError) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT 1 FROM kev WHERE cve = ?", arguments: [cve]) != nil }
    }

    public func epss(_ cve: String) throws(StrataError) -> (score: Double, percentile: Double)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT score, percentile FROM epss WHERE cve = ?", arguments: [cve]).map { ($0["score"], $0["percentile"]) }
        }
    }
}

extension VulnStore {
    /// Every package name (normalised) that an advisory of the ecosystem names.
    public func packageNames(ecosystem: String) throws(StrataError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM affected WHERE ecosystem = ? ORDER BY name", arguments: [ecosystem]) }
    }
}
