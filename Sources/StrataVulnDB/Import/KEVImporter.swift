import Foundation
import GRDB
import StrataCore

/// Imports CISA's Known Exploited Vulnerabilities catalog (its JSON form). Replaces the whole
/// KEV table, since the catalog is published whole.
struct KEVImporter {
    struct Catalog: Decodable {
        var catalogVersion: String?
        var vulnerabilities: [Entry]
    }

    struct Entry: Decodable {
        var cveID: String
        var vendorProject: String?
        var product: String?
        var vulnerabilityName: String?
        var dateAdded: String?
        var dueDate: String?
        var knownRansomwareCampaignUse: String?
    }

    static func looksLikeKEV(_ head: String) -> Bool {
        head.contains("\"catalogVersion\"") || head.contains("Known Exploited Vulnerabilities")
    }

    func run(path: String, data: Data, store: VulnStore, importedAt: String) throws(StrataError) -> ImportSummary {
        let catalog: Catalog
        do {
            catalog = try JSONDecoder().decode(Catalog.self, from: data)
        } catch {
            throw StrataError(.parseError, "\(path): not a CISA KEV catalog: \(OSVZipImporter.describe(error))")
        }
        let name = "cisa-kev" + (catalog.catalogVersion.map { "@" + $0 } ?? "")
        try store.write { db in
            try db.execute(sql: "DELETE FROM kev")
            try db.execute(sql: "DELETE FROM source WHERE kind = 'kev'")
            for e in catalog.vulnerabilities {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO kev (cve, vendor, product, name, date_added, due_date, ransomware) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [e.cveID, e.vendorProject, e.product, e.vulnerabilityName, e.dateAdded, e.dueDate, e.knownRansomwareCampaignUse])
            }
            try SourceWriter.record(name: name, kind: "kev", records: catalog.vulnerabilities.count, file: path, importedAt: importedAt, db: db)
        }
        return ImportSummary(source: name, kind: "kev", records: catalog.vulnerabilities.count, withdrawn: 0, diagnostics: [])
    }
}
