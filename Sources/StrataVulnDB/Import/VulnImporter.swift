import Foundation
import StrataCore

/// `strata db import FILE…`: recognises each file (OSV zip, single OSV JSON, CISA KEV JSON,
/// EPSS CSV) and imports it. A file that cannot be imported is an error for that file only.
public struct VulnImporter: Sendable {
    public let store: VulnStore
    public let limits: ImportLimits
    public let clock: any Clock

    public init(store: VulnStore, limits: ImportLimits = ImportLimits(), clock: any Clock = SystemClock()) {
        self.store = store
        self.limits = limits
        self.clock = clock
    }

    public func importFile(_ path: String) throws(StrataError) -> ImportSummary {
        let importedAt = ISO8601DateFormatter().string(from: clock.now())
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StrataError(.fileNotFound, "\(path): no such file or not readable")
        }
        let head = handle.readData(ofLength: 4096)
        try? handle.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try OSVZipImporter(limits: limits).run(path: path, store: store, importedAt: importedAt)
        }
        let data = try readBounded(path)
        let text = String(decoding: head, as: UTF8.self)
        if KEVImporter.looksLikeKEV(text) {
            return try KEVImporter().run(path: path, data: data, store: store, importedAt: importedAt)
        }
        if EPSSImporter.looksLikeEPSS(text) {
            return try EPSSImporter().run(path: path, data: data, store: store, importedAt: importedAt)
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
            return try importSingleAdvisory(path: path, data: data, importedAt: importedAt)
        }
        throw StrataError(.parseError, "\(path): not an OSV zip or JSON, CISA KEV JSON or EPSS CSV")
    }

    func readBounded(_ path: String) throws(StrataError) -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limits.maxFeedBytes else {
            throw StrataError(.fileTooLarge, "\(path): \(size) bytes is over the \(limits.maxFeedBytes)-byte feed limit")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StrataError(.fileUnreadable, "\(path): cannot read")
        }
        return data
    }

    func importSingleAdvisory(path: String, data: Data, importedAt: String) throws(StrataError) -> ImportSummary {
        let advisory: OSVAdvisory
        do {
            advisory = try JSONDecoder().decode(OSVAdvisory.self, from: data)
        } catch {
            throw StrataError(.parseError, "\(path): not a valid OSV advisory: \(OSVZipImporter.describe(error))")
        }
        let name = (path as NSString).lastPathComponent
        try store.write { db in
            try AdvisoryWriter.write(advisory, raw: data, source: name, db: db)
            try SourceWriter.record(name: name, kind: "osv", records: 1, file: path, importedAt: importedAt, db: db)
        }
        return ImportSummary(source: name, kind: "osv", records: 1, withdrawn: advisory.isWithdrawn ? 1 : 0, diagnostics: [])
    }
}
