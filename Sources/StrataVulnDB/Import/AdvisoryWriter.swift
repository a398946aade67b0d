import Foundation
import GRDB

/// Writes one advisory and its lookup rows, replacing any earlier copy (imports are idempotent).
enum AdvisoryWriter {
    /// Stores the advisory's original JSON (`raw`), so nothing of it is lost to our model.
    static func write(_ a: OSVAdvisory, raw: Data, source: String, db: Database) throws {
        let (severity, score) = AdvisorySeverity.of(a)
        try db.execute(sql: "DELETE FROM alias WHERE advisory_id = ?", arguments: [a.id])
        try db.execute(sql: "DELETE FROM affected WHERE advisory_id = ?", arguments: [a.id])
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO advisory (id, source, modified, published, withdrawn, summary, severity, cvss_score, cvss_vector, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [a.id, source, a.modified, a.published, a.withdrawn, a.summary ?? firstLine(a.details),
                        severity.rawValue, score?.base, score?.vector, raw])
        for alias in Set(a.aliases) {
            try db.execute(sql: "INSERT INTO alias (alias, advisory_id) VALUES (?, ?)", arguments: [alias, a.id])
        }
        for (index, affected) in a.affected.enumerated() {
            guard let package = affected.package else { continue }
            let name = PackageName.normalized(package.name, ecosystem: package.ecosystem)
            try db.execute(
                sql: "INSERT INTO affected (advisory_id, ecosystem, name, entry) VALUES (?, ?, ?, ?)",
                arguments: [a.id, package.ecosystem, name, index])
        }
    }

    /// A title from free text: its first sentence, at most 120 characters.
    static func firstLine(_ text: String?) -> String? {
        guard let text else { return nil }
        var line = text.split(separator: "\n").first.map(String.init) ?? text
        if let stop = line.range(of: ". ") { line = String(line[..<stop.lowerBound]) }
        return line.count > 120 ? String(line.prefix(119)) + "…" : line
    }
}

enum SourceWriter {
    static func record(name: String, kind: String, records: Int, file: String, importedAt: String, db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO source (name, kind, imported_at, records, sha256) VALUES (?, ?, ?, ?, ?)",
            arguments: [name, kind, importedAt, records, FileDigest.sha256(path: file)])
    }
}
