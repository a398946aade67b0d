import Foundation
import StrataCore

/// `strata db update`: fetches a published Strata database (an SQLite file) or an OSV zip from a
/// URL, only when it changed (ETag / Last-Modified), and swaps it in atomically: the old database
/// stays in place until the new one is complete and opens, so an interrupted download changes nothing.
public struct DBUpdater: Sendable {
    public enum Outcome: Sendable, Equatable {
        case upToDate
        case replaced(bytes: Int)
        case imported(records: Int)
    }

    struct Metadata: Codable {
        var url: String
        var etag: String?
        var lastModified: String?
        var updatedAt: String
    }

    public let databasePath: String
    public let clock: any Clock

    public init(databasePath: String, clock: any Clock = SystemClock()) {
        self.databasePath = databasePath
        self.clock = clock
    }

    var metadataPath: String { (databasePath as NSString).deletingLastPathComponent + "/metadata.json" }

    public func update(from url: URL) throws(StrataError) -> Outcome {
        try FileManager.default.createDirectory(atPath: (databasePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true, attributes: nil, orThrowing: ())
        let previous = loadMetadata().flatMap { $0.url == url.absoluteString && FileManager.default.fileExists(atPath: databasePath) ? $0 : nil }
        let response = try HTTPFetcher().get(url, etag: previous?.etag, lastModified: previous?.lastModified)
        if response.status == 304 { return .upToDate }
        guard response.status == 200 else { throw StrataError(.io, "\(url.absoluteString): HTTP \(response.status)") }
        let temp = databasePath + ".download-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let outcome = try prepare(response.body, at: temp)
        try swap(temp)
        saveMetadata(Metadata(url: url.absoluteString, etag: response.etag, lastModified: response.lastModified,
                              updatedAt: ISO8601DateFormatter().string(from: clock.now())))
        return outcome
    }

    /// Writes the new database at `temp` and checks that it opens as a Strata database.
    func prepare(_ body: Data, at temp: String) throws(StrataError) -> Outcome {
        if body.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            try write(body, to: temp)
            _ = try VulnStore(path: temp).info()
            return .replaced(bytes: body.count)
        }
        if body.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if FileManager.default.fileExists(atPath: databasePath) {
                do { try FileManager.default.copyItem(atPath: databasePath, toPath: temp) } catch {
                    throw StrataError(.io, "cannot copy the current database: \(error.localizedDescription)")
                }
            }
            let zip = temp + ".zip"
            defer { try? FileManager.default.removeItem(atPath: zip) }
            try write(body, to: zip)
            let summary = try VulnImporter(store: try VulnStore(path: temp), clock: clock).importFile(zip)
            return .imported(records: summary.records)
        }
        throw StrataError(.parseError, "downloaded file is neither a Strata database nor an OSV zip")
    }

    func write(_ data: Data, to path: String) throws(StrataError) {
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw StrataError(.io, "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// rename(2) within one directory is atomic: readers see the old file or the new one.
    func swap(_ temp: String) throws(StrataError) {
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temp + suffix) }
        guard rename(temp, databasePath) == 0 else {
            throw StrataError(.io, "cannot move the new database into place: \(String(cString: strerror(errno)))")
        }
    }

    func loadMetadata() -> Metadata? {
        FileManager.default.contents(atPath: metadataPath).flatMap { try? JSONDecoder().decode(Metadata.self, from: $0) }
    }

    func saveMetadata(_ m: Metadata) {
        if let data = try? JSONEncoder().encode(m) { try? data.write(to: URL(fileURLWithPath: metadataPath), options: .atomic) }
    }
}

extension FileManager {
    /// `createDirectory` with a typed error.
    func createDirectory(atPath path: String, withIntermediateDirectories: Bool, attributes: [FileAttributeKey: Any]?, orThrowing: ()) throws(StrataError) {
        do { try createDirectory(atPath: path, withIntermediateDirectories: withIntermediateDirectories, attributes: attributes) } catch {
            throw StrataError(.io, "cannot create \(path): \(error.localizedDescription)")
        }
    }
}
