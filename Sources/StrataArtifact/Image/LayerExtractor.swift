#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StrataCore

/// Unpacks one layer's tar stream into a directory of its own, as a `TarVisitor`: directories and
/// regular files (hardlinks as links to files of the same layer) are written; symlinks and
/// whiteouts are only recorded (`changes`), so that scanning the directory sees each file once
/// and nothing on disk points outside it. Names that climb out (`..`) or pass through a symlink
/// or file are refused with a diagnostic, and every write opens with `O_NOFOLLOW | O_EXCL`.
public struct LayerExtractor: TarVisitor {
    enum Node { case directory, file, symlink }

    public let root: String
    /// `root/` as bytes, the prefix of every path written.
    let prefix: [UInt8]
    let label: String
    public private(set) var changes: [LayerChange] = []
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var fileCount = 0
    var nodes: [[UInt8]: Node] = [:]
    var fd: Int32 = -1
    var current: [UInt8] = []

    /// `label` names the layer in diagnostics (`image.tar layer 3`).
    public init(root: String, label: String) {
        self.root = root
        self.prefix = Array((root + "/").utf8)
        self.label = label
    }

    static let maxPath = 4096
    static let whiteoutPrefix = Array(".wh.".utf8)
    static let opaqueMarker = Array(".wh..wh..opq".utf8)

    public mutating func begin(_ entry: TarEntry) throws(StrataError) -> Bool {
        guard let parts = ArchivePath.components(entry.name) else {
            refuse(entry, code: .pathTraversal, "climbs out of the layer root")
            return false
        }
        // No system opens a longer path; refusing here keeps a hostile megabyte-long pax name
        // from costing a mkdir per component.
        guard entry.name.count < LayerExtractor.maxPath else {
            refuse(entry, code: .fileTooLarge, "has a name of \(entry.name.count) bytes, over the \(LayerExtractor.maxPath)-byte path limit")
            return false
        }
        guard let name = parts.last else { return false }  // the root itself
        let parentParts = Array(parts.dropLast())
        let path = ArchivePath.join(parts)
        if name.starts(with: LayerExtractor.whiteoutPrefix) {
            let parent = ArchivePath.join(parentParts)
            if name == LayerExtractor.opaqueMarker {
                changes.append(.opaque(parent))
            } else {
                changes.append(.whiteout(ArchivePath.join(parentParts + [Array(name.dropFirst(LayerExtractor.whiteoutPrefix.count))])))
            }
            return false
        }
        guard makeParents(parentParts, entry: entry) else { return false }
        switch entry.kind {
        case .directory:
            if nodes[path] == .directory { return false }
            removeExisting(path)
            guard mkdirAt(path) else { refuse(entry, code: .io, "cannot create directory: \(POSIXPath.errnoText())"); return false }
            nodes[path] = .directory
            changes.append(.directory(path))
            return false
        case .file:
            removeExisting(path)
            fd = POSIXPath.withCString(prefix + path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
            guard fd >= 0 else { refuse(entry, code: .io, "cannot create file: \(POSIXPath.errnoText())"); return false }
            current = path
            nodes[path] = .file
            changes.append(.file(path))
            fileCount += 1
            return true
        case .hardlink:
            guard let target = ArchivePath.normalized(entry.linkName), nodes[target] == .file else {
                refuse(entry, code: .fileNotFound, "is a hardlink to '\(String(decoding: entry.linkName.prefix(200), as: UTF8.self))', which is not a file of this layer")
                return false
            }
            removeExisting(path)
            let ok = POSIXPath.withCString(prefix + target) { from in
                POSIXPath.withCString(prefix + path) { to in link(from, to) == 0 }
            }
            guard ok else { refuse(entry, code: .io, "cannot link: \(POSIXPath.errnoText())"); return false }
            nodes[path] = .file
            changes.append(.file(path))
            fileCount += 1
            return false
        case .symlink:
            removeExisting(path)
            nodes[path] = .symlink
            changes.append(.symlink(path, target: entry.linkName))
            return false
        case .other:
            return false
        }
    }

    public mutating func content(_ bytes: UnsafeRawBufferPointer) throws(StrataError) {
        guard fd >= 0, var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = write(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw StrataError(.io, "\(label): cannot write \(String(decoding: current, as: UTF8.self)): \(POSIXPath.errnoText())")
            }
            left -= n
            base += n
        }
    }

    public mutating func end(_ entry: TarEntry) throws(StrataError) {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// Parents named only implicitly are created; a parent that this layer made a file or a
    /// symlink refuses the entry (writing through a symlink is how archives escape their root).
    mutating func makeParents(_ parts: [[UInt8]], entry: TarEntry) -> Bool {
        var prefix: [UInt8] = []
        for part in parts {
            if !prefix.isEmpty { prefix.append(UInt8(ascii: "/")) }
            prefix += part
            switch nodes[prefix] {
            case .directory: continue
            case .symlink:
                refuse(entry, code: .symlinkEscape, "passes through the symlink '\(String(decoding: prefix, as: UTF8.self))'")
                return false
            case .file:
                refuse(entry, code: .notADirectory, "passes through the file '\(String(decoding: prefix, as: UTF8.self))'")
                return false
            case nil:
                guard mkdirAt(prefix) else { refuse(entry, code: .io, "cannot create directory: \(POSIXPath.errnoText())"); return false }
                nodes[prefix] = .directory
            }
        }
        return true
    }

    func mkdirAt(_ path: [UInt8]) -> Bool {
        POSIXPath.withCString(prefix + path) { mkdir($0, 0o755) == 0 || errno == EEXIST }
    }

    /// A later member of the same path replaces the earlier one, as extraction would.
    mutating func removeExisting(_ path: [UInt8]) {
        guard let node = nodes[path] else { return }
        if node == .directory {
            try? FileManager.default.removeItem(atPath: root + "/" + String(decoding: path, as: UTF8.self))
            let prefix = path + [UInt8(ascii: "/")]
            nodes = nodes.filter { !$0.key.starts(with: prefix) }
        } else if node == .file {
            _ = POSIXPath.withCString(prefix + path) { unlink($0) }
        }
        nodes[path] = nil
    }

    mutating func refuse(_ entry: TarEntry, code: StrataError.Code, _ why: String) {
        diagnostics.append(Diagnostic(level: .warning, code: code, location: SourceLocation(path: label),
                                      reason: "member '\(entry.shortName)' \(why); skipped"))
    }
}
