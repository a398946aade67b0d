import Crypto
import Foundation
import StrataCore

/// A container image from a local file or directory, unpacked for scanning: a docker-archive or
/// OCI archive tar (optionally gzip-compressed, as `docker save | gzip` makes), or an OCI image
/// layout directory. Each layer is unpacked into a directory of its own under `workDirectory`
/// (so that what a later layer deletes is still scanned: it is still in the image); `squash`
/// builds the filesystem a container sees. Blobs are checked against their digests, and layers
/// against the config's diff ids.
public struct ContainerImage: Sendable {
    public struct UnpackedLayer: Sendable {
        public var layer: ImageDescription.Layer
        public var directory: String
        public var changes: [LayerChange]
        public var fileCount: Int
        public var uncompressedSize: Int64
    }

    public struct Limits: Sendable {
        /// Uncompressed bytes over all layers: the bound on a decompression bomb, and on disk use.
        public var maxUncompressed: Int64 = 32 << 30
        public init() {}
    }

    public let source: String
    public let description: ImageDescription
    public let layers: [UnpackedLayer]
    public let workDirectory: String
    public let diagnostics: [Diagnostic]

    /// Opens and unpacks the image; `workDirectory` must exist and be empty, and is the caller's to delete.
    public static func unpack(_ source: String, workDirectory: String, limits: Limits = Limits()) throws(StrataError) -> ContainerImage {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw StrataError(.fileNotFound, "\(source): no such file or directory", at: SourceLocation(path: source))
        }
        let store: any ImageBlobStore
        if isDirectory.boolValue {
            store = DirectoryBlobStore(root: source)
        } else {
            var data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: source), options: .alwaysMapped) } catch {
                throw StrataError(.fileUnreadable, "cannot read \(source): \(error.localizedDescription)", at: SourceLocation(path: source))
            }
            if Gzip.isGzip(data) { data = try inflateToFile(data, source: source, workDirectory: workDirectory, limit: limits.maxUncompressed) }
            store = try TarBlobStore(data: data, displayPath: source)
        }
        let (description, readDiagnostics) = try ImageManifestReader.read(store, name: source)
        var diagnostics = readDiagnostics
        var layers: [UnpackedLayer] = []
        var budget = limits.maxUncompressed
        for layer in description.layers {
            let directory = workDirectory + "/layer-\(layer.index)"
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            } catch {
                throw StrataError(.io, "cannot create \(directory): \(error.localizedDescription)")
            }
            let label = "\(source) layer \(layer.index) (\(layer.id))"
            do throws(StrataError) {
                let blob = try store.read(layer.path)
                if let digest = layer.digest, digest.hasPrefix("sha256:"), "sha256:" + hex(Crypto.SHA256.hash(data: blob)) != digest {
                    diagnostics.append(Diagnostic(level: .error, code: .digestMismatch, location: SourceLocation(path: label),
                                                  reason: "the layer blob does not match its digest \(digest) (corrupt or tampered); scanned anyway"))
                }
                let unpacked = try unpackLayer(blob, layer: layer, directory: directory, label: label, limit: budget, diagnostics: &diagnostics)
                budget -= unpacked.uncompressedSize
                layers.append(unpacked)
            } catch {
                // One bad layer is reported; the others are still scanned.
                diagnostics.append(Diagnostic(level: .error, code: error.code, location: SourceLocation(path: label), reason: error.reason))
                layers.append(UnpackedLayer(layer: layer, directory: directory, changes: [], fileCount: 0, uncompressedSize: 0))
                if error.code == .fileTooLarge { budget = 0 }
            }
        }
        return ContainerImage(source: source, description: description, layers: layers, workDirectory: workDirectory, diagnostics: diagnostics)
    }

    /// The filesystem a container of this image starts with, built at `directory`.
    public func squash(into directory: String) -> (owner: [[UInt8]: Int], diagnostics: [Diagnostic]) {
        ImageSquash.build(layers.map { ImageSquash.Layer(directory: $0.directory, changes: $0.changes, label: "\(source) layer \($0.layer.index)") }, into: directory)
    }

    static func unpackLayer(
        _ blob: Data, layer: ImageDescription.Layer, directory: String, label: String, limit: Int64, diagnostics: inout [Diagnostic]
    ) throws(StrataError) -> UnpackedLayer {
        var extractor = LayerExtractor(root: directory, label: label)
        var reader = TarReader()
        var hasher = Crypto.SHA256()
        var size: Int64 = 0
        if Gzip.isGzip(blob) {
            // With a diff id, the SHA-256 of the output checks the same bytes that the CRC-32 would.
            let sha256DiffID = layer.diffID?.hasPrefix("sha256:") == true
            size = try Gzip.stream(blob, limit: limit, checkCRC: !sha256DiffID) { (piece: Data) throws(StrataError) in
                hasher.update(data: piece)
                try feed(piece, reader: &reader, extractor: &extractor)
            }
        } else if blob.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
            throw StrataError(.notAvailable, "the layer is zstd-compressed, which this build cannot decompress; its files were not scanned")
        } else {
            guard Int64(blob.count) <= limit else {
                throw StrataError(.fileTooLarge, "the layer is \(blob.count) bytes, over what is left of the \(limit)-byte image limit")
            }
            hasher.update(data: blob)
            try feed(blob, reader: &reader, extractor: &extractor)
            size = Int64(blob.count)
        }
        try reader.finish()
        diagnostics += extractor.diagnostics
        let diffID = "sha256:" + hex(hasher.finalize())
        if let expected = layer.diffID, expected.hasPrefix("sha256:"), expected != diffID {
            diagnostics.append(Diagnostic(level: .error, code: .digestMismatch, location: SourceLocation(path: label),
                                          reason: "the uncompressed layer is \(diffID), not the config's diff id \(expected) (corrupt or tampered); scanned anyway"))
        }
        return UnpackedLayer(layer: layer, directory: directory, changes: extractor.changes, fileCount: extractor.fileCount, uncompressedSize: size)
    }

    static func feed(_ piece: Data, reader: inout TarReader, extractor: inout LayerExtractor) throws(StrataError) {
        do {
            try piece.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in try reader.feed(raw, to: &extractor) }
        } catch let error as StrataError {
            throw error
        } catch {
            throw StrataError(.parseError, "\(error)")
        }
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// A gzip-compressed archive is inflated to a file in the work directory, then mapped.
    static func inflateToFile(_ data: Data, source: String, workDirectory: String, limit: Int64) throws(StrataError) -> Data {
        let path = workDirectory + "/archive.tar"
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw StrataError(.io, "cannot create \(path)")
        }
        do {
            try Gzip.stream(data, limit: limit) { (piece: Data) throws(StrataError) in
                do { try handle.write(contentsOf: piece) } catch { throw StrataError(.io, "cannot write \(path): \(error.localizedDescription)") }
            }
            try? handle.close()
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch let error as StrataError {
            throw StrataError(error.code, "\(source): \(error.reason)", at: SourceLocation(path: source))
        } catch {
            throw StrataError(.fileUnreadable, "cannot read \(path): \(error.localizedDescription)")
        }
    }
}
