import Foundation
import GRDB
import StrataCore

/// Imports FIRST's EPSS scores: CSV `cve,epss,percentile`, optionally preceded by a
/// `#model_version:…,score_date:…` comment line. Bad rows become diagnostics with their line.
struct EPSSImporter {
    static func looksLikeEPSS(_ head: String) -> Bool {
        head.hasPrefix("#model_version") || head.lowercased().hasPrefix("cve,epss")
    }

    func run(path: String, data: Data, store: VulnStore, importedAt: String) throws(StrataError) -> ImportSummary {
        let text = String(decoding: data, as: UTF8.self)
        var date: String?
        var rows: [(String, Double, Double)] = []
        var diagnostics: [Diagnostic] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.lowercased().hasPrefix("cve,") { continue }
            if line.hasPrefix("#") {
                date = line.split(separator: ",").first { $0.hasPrefix("score_date:") }.map { String($0.dropFirst(11)) }
                continue
            }
            let cols = line.split(separator: ",").map(String.init)
            guard cols.count >= 3, cols[0].hasPrefix("CVE-"), let score = Double(cols[1]), let pct = Double(cols[2]),
                  (0...1).contains(score), (0...1).contains(pct)
            else {
                diagnostics.append(Diagnostic(code: .parseError, location: SourceLocation(path: path, startLine: index + 1), reason: "expected cve,epss,percentile"))
                continue
            }
            rows.append((cols[0], score, pct))
        }
        try store.write { db in
            try db.execute(sql: "DELETE FROM epss")
            try db.execute(sql: "DELETE FROM source WHERE kind = 'epss'")
            for (cve, score, pct) in rows {
                try db.execute(sql: "INSERT OR REPLACE INTO epss (cve, score, percentile, date) VALUES (?, ?, ?, ?)", arguments: [cve, score, pct, date])
            }
            try SourceWriter.record(name: "epss" + (date.map { "@" + $0 } ?? ""), kind: "epss", records: rows.count, file: path, importedAt: importedAt, db: db)
        }
        return ImportSummary(source: "epss", kind: "epss", records: rows.count, withdrawn: 0, diagnostics: diagnostics)
    }
}
