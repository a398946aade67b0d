import Foundation
import GRDB
import StrataCore
import ZIPFoundation

/// Imports an OSV export: a zip of advisory JSON files (OSV's per-ecosystem `all.zip`, possibly
/// with folders). Entries are decompressed one at a time under `ImportLimits`; an entry that is
/// too large or not valid OSV becomes a diagnostic naming `archive.zip:entry` and the import goes on.
struct OSVZipImporter {
    let limits: ImportLimits

    func run(path: String, store: VulnStore, importedAt: String) throws(StrataError) -> ImportSummary {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw StrataError(.parseError, "\(path): not a readable zip archive (\(error))")
        }
        var summary = ImportSummary(source: (path as NSString).lastPathComponent, kind: "osv", records: 0, withdrawn: 0, diagnostics: [])
        var total = 0
        let decoder = JSONDecoder()
        try store.write { db in
            for entry in archive where entry.type == .file && entry.path.hasSuffix(".json") {
                let location = SourceLocation(path: "\(path):\(entry.path)")
                guard total < limits.maxArchiveBytes else {
                    summary.diagnostics.append(Diagnostic(code: .fileTooLarge, location: location, reason: "archive exceeds \(limits.maxArchiveBytes) decompressed bytes; rest not imported"))
                    break
                }
                do {
                    let bytes = try read(entry, from: archive)
                    total += bytes.count
                    let advisory = try decoder.decode(OSVAdvisory.self, from: bytes)
                    try AdvisoryWriter.write(advisory, raw: bytes, source: summary.source, db: db)
                    summary.records += 1
                    if advisory.isWithdrawn { summary.withdrawn += 1 }
                } catch let error as StrataError {
                    summary.diagnostics.append(Diagnostic(error, path: location.path))
                } catch {
                    summary.diagnostics.append(Diagnostic(code: .parseError, location: location, reason: "not a valid OSV advisory: \(OSVZipImporter.describe(error))"))
                }
            }
            try SourceWriter.record(name: summary.source, kind: "osv", records: summary.records, file: path, importedAt: importedAt, db: db)
        }
        return summary
    }

    /// Decompresses one entry, stopping as soon as it passes the per-entry limit (the sizes in
    /// the zip's headers are not trusted).
    func read(_ entry: Entry, from archive: Archive) throws -> Data {
        var out = Data()
        let limit = limits.maxEntryBytes
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                out.append(chunk)
                if out.count > limit { throw StrataError(.fileTooLarge, "entry decompresses to more than \(limit) bytes (zip bomb?)") }
            }
        } catch let error as StrataError {
            throw StrataError(error.code, error.reason, at: SourceLocation(path: entry.path))
        } catch {
            throw StrataError(.parseError, "cannot decompress: \(error)", at: SourceLocation(path: entry.path))
        }
        return out
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing '\(key.stringValue)' at \(path(ctx))"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "\(ctx.debugDescription) at \(path(ctx))"
        case DecodingError.dataCorrupted(let ctx):
            return ctx.debugDescription
        default:
            return "\(error)"
        }
    }

    static func path(_ ctx: DecodingError.Context) -> String {
        ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }
}
