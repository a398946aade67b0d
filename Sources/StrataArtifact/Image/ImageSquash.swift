#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StrataCore

/// Builds the filesystem a container would see from unpacked layers: each layer's whiteouts and
/// opaque markers remove what the layers below gave, then its entries are added. Files are
/// hardlinked from the layer directories (copied where linking fails), so the squash costs
/// metadata, not data. Symlinks are recreated as they were; nothing here follows one.
public enum ImageSquash {
    enum Node { case directory, file, symlink }

    public struct Layer: Sendable {
        public var directory: String
        public var changes: [LayerChange]
        public var label: String

        public init(directory: String, changes: [LayerChange], label: String) {
            self.directory = directory
            self.changes = changes
            self.label = label
        }
    }

    /// `owner` maps each file of the result to the index of the layer it came from.
    public static func build(_ layers: [Layer], into root: String) -> (owner: [[UInt8]: Int], diagnostics: [Diagnostic]) {
        var nodes: [[UInt8]: Node] = [:]
        var owner: [[UInt8]: Int] = [:]
        var diagnostics: [Diagnostic] = []
        let rootBytes = Array((root + "/").utf8)

        func remove(_ path: [UInt8], keepSelf: Bool) {
            let prefix = path + [UInt8(ascii: "/")]
            if nodes[path] == .directory {
                for key in nodes.keys where key.starts(with: prefix) { nodes[key] = nil; owner[key] = nil }
                if keepSelf {
                    let dir = String(decoding: rootBytes + path, as: UTF8.self)
                    for child in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                        try? FileManager.default.removeItem(atPath: dir + "/" + child)
                    }
                    return
                }
                try? FileManager.default.removeItem(atPath: String(decoding: rootBytes + path, as: UTF8.self))
            } else if nodes[path] != nil {
                _ = POSIXPath.withCString(rootBytes + path) { unlink($0) }
            }
            nodes[path] = nil
            owner[path] = nil
        }

        /// Parents must be directories of the result; implicit ones are created.
        func parentsReady(_ path: [UInt8], label: String) -> Bool {
            var prefix: [UInt8] = []
            for part in path.split(separator: UInt8(ascii: "/")).dropLast() {
                if !prefix.isEmpty { prefix.append(UInt8(ascii: "/")) }
                prefix += part
                switch nodes[prefix] {
                case .directory: continue
                case nil:
                    _ = POSIXPath.withCString(rootBytes + prefix) { mkdir($0, 0o755) }
                    nodes[prefix] = .directory
                default:
                    diagnostics.append(Diagnostic(level: .warning, code: .symlinkEscape, location: SourceLocation(path: label),
                                                  reason: "'\(String(decoding: path, as: UTF8.self))' lies under a non-directory of a lower layer; left out of the squashed filesystem"))
                    return false
                }
            }
            return true
        }

        for (index, layer) in layers.enumerated() {
            // Removals name what the layers below made; this layer's own entries come after them.
            for change in layer.changes {
                switch change {
                case .whiteout(let path): remove(path, keepSelf: false)
                case .opaque(let path): if nodes[path] == .directory { remove(path, keepSelf: true) }
                default: break
                }
            }
            let source = Array((layer.directory + "/").utf8)
            for change in layer.changes {
                switch change {
                case .directory(let path):
                    guard nodes[path] != .directory else { continue }
                    remove(path, keepSelf: false)
                    guard parentsReady(path, label: layer.label) else { continue }
                    _ = POSIXPath.withCString(rootBytes + path) { mkdir($0, 0o755) }
                    nodes[path] = .directory
                case .file(let path):
                    remove(path, keepSelf: false)
                    guard parentsReady(path, label: layer.label) else { continue }
                    let linked = POSIXPath.withCString(source + path) { from in POSIXPath.withCString(rootBytes + path) { to in link(from, to) == 0 } }
                    if !linked {
                        do {
                            try FileManager.default.copyItem(atPath: String(decoding: source + path, as: UTF8.self),
                                                             toPath: String(decoding: rootBytes + path, as: UTF8.self))
                        } catch {
                            diagnostics.append(Diagnostic(level: .warning, code: .io, location: SourceLocation(path: layer.label),
                                                          reason: "cannot place '\(String(decoding: path, as: UTF8.self))' in the squashed filesystem: \(error.localizedDescription)"))
                            continue
                        }
                    }
                    nodes[path] = .file
                    owner[path] = index
                case .symlink(let path, let target):
                    remove(path, keepSelf: false)
                    guard parentsReady(path, label: layer.label) else { continue }
                    _ = POSIXPath.withCString(target) { t in POSIXPath.withCString(rootBytes + path) { symlink(t, $0) } }
                    nodes[path] = .symlink
                    owner[path] = index
                case .whiteout, .opaque: break
                }
            }
        }
        return (owner, diagnostics)
    }
}
