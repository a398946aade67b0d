import Foundation
import StrataCore

/// Where an image's manifests, configs and layers are read from, by path inside the image
/// archive or layout (`manifest.json`, `blobs/sha256/…`).
public protocol ImageBlobStore: Sendable {
    func contains(_ path: String) -> Bool
    /// The bytes, mapped where possible. A missing blob is an error naming the path.
    func read(_ path: String) throws(StrataError) -> Data
}

/// An image in one tar file (`docker save`, `skopeo copy … docker-archive:` or `oci-archive:`):
/// members are indexed once, and blobs are slices of the mapped file, never copied out. Symlinked
/// members (skopeo writes `<id>/layer.tar -> ../<digest>.tar`) resolve inside the archive only.
public struct TarBlobStore: ImageBlobStore {
    let data: Data
    let members: [String: TarEntry]
    let displayPath: String

    public init(data: Data, displayPath: String) throws(StrataError) {
        var index = MemberIndex()
        var reader = TarReader()
        do {
            try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in try reader.feed(raw, to: &index) }
            try reader.finish()
        } catch let error as StrataError {
            throw StrataError(error.code, "\(displayPath): \(error.reason)", at: SourceLocation(path: displayPath))
        } catch {
            throw StrataError(.parseError, "\(displayPath): \(error)", at: SourceLocation(path: displayPath))
        }
        guard !index.members.isEmpty else {
            throw StrataError(.unknownFormat, "\(displayPath) is not a tar archive (no members)", at: SourceLocation(path: displayPath))
        }
        self.data = data
        self.members = index.members
        self.displayPath = displayPath
    }

    struct MemberIndex: TarVisitor {
        var members: [String: TarEntry] = [:]
        mutating func begin(_ entry: TarEntry) throws(StrataError) -> Bool {
            if let name = ArchivePath.normalized(entry.name) { members[String(decoding: name, as: UTF8.self)] = entry }
            return false
        }
        mutating func content(_ bytes: UnsafeRawBufferPointer) throws(StrataError) {}
        mutating func end(_ entry: TarEntry) throws(StrataError) {}
    }

    func resolve(_ path: String) -> TarEntry? {
        guard var name = ArchivePath.normalized(Array(path.utf8)).map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        for _ in 0..<16 {
            guard let entry = members[name] else { return nil }
            // A symlink's target is relative to its own directory; a hardlink's to the archive root.
            let target: [UInt8]?
            switch entry.kind {
            case .file: return entry
            case .symlink: target = ArchivePath.resolve(link: entry.linkName, from: Array(name.utf8))
            case .hardlink: target = ArchivePath.normalized(entry.linkName)
            default: return nil
            }
            guard let target else { return nil }
            name = String(decoding: target, as: UTF8.self)
        }
        return nil
    }

    public func contains(_ path: String) -> Bool { resolve(path) != nil }

    public func read(_ path: String) throws(StrataError) -> Data {
        guard let entry = resolve(path) else {
            throw StrataError(.fileNotFound, "\(displayPath) has no member \(path)", at: SourceLocation(path: displayPath))
        }
        let start = data.startIndex + Int(entry.dataOffset)
        return data[start..<(start + Int(entry.size))]
    }
}

/// An OCI image layout (or an unpacked `docker save`) in a directory. Paths come from the
/// image's own JSON, so each is normalised and must stay inside the directory, symlinks included.
public struct DirectoryBlobStore: ImageBlobStore {
    let root: String

    public init(root: String) {
        self.root = (root as NSString).standardizingPath
    }

    func resolve(_ path: String) -> String? {
        guard let name = ArchivePath.normalized(Array(path.utf8)), !name.isEmpty else { return nil }
        let full = root + "/" + String(decoding: name, as: UTF8.self)
        let real = (full as NSString).resolvingSymlinksInPath
        let realRoot = (root as NSString).resolvingSymlinksInPath
        guard real == realRoot || real.hasPrefix(realRoot + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return real
    }

    public func contains(_ path: String) -> Bool { resolve(path) != nil }

    public func read(_ path: String) throws(StrataError) -> Data {
        guard let file = resolve(path) else {
            throw StrataError(.fileNotFound, "\(root) has no file \(path) inside it", at: SourceLocation(path: root))
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        } catch {
            throw StrataError(.fileUnreadable, "cannot read \(file): \(error.localizedDescription)", at: SourceLocation(path: file))
        }
    }
}
