import Foundation
import StrataCore

/// Reads an image's description from a blob store: `manifest.json` (docker-archive, also written
/// by newer `docker save` beside an OCI layout) or `index.json` (OCI image layout), then the
/// manifest and config they point to. Every digest that becomes a path is checked for shape first.
public enum ImageManifestReader {
    static let maxJSON = 16 << 20

    public static func read(_ store: any ImageBlobStore, name: String) throws(StrataError) -> (ImageDescription, [Diagnostic]) {
        if store.contains("manifest.json") { return try dockerArchive(store, name: name) }
        if store.contains("index.json") { return try ociLayout(store, name: name) }
        throw StrataError(.unknownFormat, "\(name) is neither a docker-archive (manifest.json) nor an OCI image layout (index.json)",
                          at: SourceLocation(path: name))
    }

    static func dockerArchive(_ store: any ImageBlobStore, name: String) throws(StrataError) -> (ImageDescription, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let list = try json(store, "manifest.json", name: name) as? [[String: Any]], let entry = list.first else {
            throw StrataError(.parseError, "manifest.json of \(name) is not a list of images", at: SourceLocation(path: name))
        }
        if list.count > 1 {
            diagnostics.append(Diagnostic(level: .warning, code: .notAvailable, location: SourceLocation(path: name),
                                          reason: "the archive holds \(list.count) images; only the first is scanned"))
        }
        guard let configPath = entry["Config"] as? String, let layerPaths = entry["Layers"] as? [String] else {
            throw StrataError(.parseError, "manifest.json of \(name) lacks Config or Layers", at: SourceLocation(path: name))
        }
        let config = try json(store, configPath, name: name) as? [String: Any] ?? [:]
        let facts = ConfigFacts(config)
        // The config file is named by its digest (`<hex>.json` or `blobs/sha256/<hex>`).
        let configHex = configPath.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
        let imageID = isHex(configHex, 64) ? "sha256:" + configHex : nil
        var layers: [ImageDescription.Layer] = []
        for (i, path) in layerPaths.enumerated() {
            let digest = digestFromPath(path)
            layers.append(ImageDescription.Layer(
                index: i, path: path, mediaType: nil, digest: digest,
                diffID: i < facts.diffIDs.count ? facts.diffIDs[i] : nil, createdBy: i < facts.createdBy.count ? facts.createdBy[i] : nil))
        }
        diagnostics += facts.check(layerCount: layers.count, name: name)
        return (ImageDescription(format: .dockerArchive, imageID: imageID, manifestDigest: nil,
                                 repoTags: entry["RepoTags"] as? [String] ?? [], os: facts.os, architecture: facts.architecture,
                                 layers: layers, configLines: facts.lines), diagnostics)
    }

    static func ociLayout(_ store: any ImageBlobStore, name: String) throws(StrataError) -> (ImageDescription, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var index = try json(store, "index.json", name: name) as? [String: Any] ?? [:]
        var tags: [String] = []
        // Nested indexes (multi-platform images) are followed to one manifest: linux/amd64 if listed, else the first.
        for depth in 0..<4 {
            guard let manifests = index["manifests"] as? [[String: Any]], !manifests.isEmpty else {
                throw StrataError(.parseError, "index.json of \(name) lists no manifests", at: SourceLocation(path: name))
            }
            let chosen = manifests.first {
                let platform = $0["platform"] as? [String: Any]
                return platform?["os"] as? String == "linux" && platform?["architecture"] as? String == "amd64"
            } ?? manifests[0]
            if depth == 0, manifests.count > 1 {
                diagnostics.append(Diagnostic(level: .warning, code: .notAvailable, location: SourceLocation(path: name),
                                              reason: "the layout lists \(manifests.count) manifests; scanning \(chosen["digest"] as? String ?? "the first")"))
            }
            if let ref = (chosen["annotations"] as? [String: String])?["org.opencontainers.image.ref.name"] { tags = [ref] }
            let digest = try checkedDigest(chosen["digest"], name: name)
            let media = chosen["mediaType"] as? String ?? ""
            let blob = try json(store, blobPath(digest), name: name) as? [String: Any] ?? [:]
            if media.hasSuffix("index.v1+json") || media.hasSuffix("manifest.list.v2+json") || blob["manifests"] != nil {
                index = blob
                continue
            }
            guard let configRef = blob["config"] as? [String: Any], let layerRefs = blob["layers"] as? [[String: Any]] else {
                throw StrataError(.parseError, "manifest \(digest) of \(name) lacks config or layers", at: SourceLocation(path: name))
            }
            let configDigest = try checkedDigest(configRef["digest"], name: name)
            let facts = ConfigFacts(try json(store, blobPath(configDigest), name: name) as? [String: Any] ?? [:])
            var layers: [ImageDescription.Layer] = []
            for (i, ref) in layerRefs.enumerated() {
                let layerDigest = try checkedDigest(ref["digest"], name: name)
                layers.append(ImageDescription.Layer(
                    index: i, path: blobPath(layerDigest), mediaType: ref["mediaType"] as? String, digest: layerDigest,
                    diffID: i < facts.diffIDs.count ? facts.diffIDs[i] : nil, createdBy: i < facts.createdBy.count ? facts.createdBy[i] : nil))
            }
            diagnostics += facts.check(layerCount: layers.count, name: name)
            return (ImageDescription(format: .ociLayout, imageID: configDigest, manifestDigest: digest, repoTags: tags,
                                     os: facts.os, architecture: facts.architecture, layers: layers, configLines: facts.lines), diagnostics)
        }
        throw StrataError(.depthLimit, "index.json of \(name) nests indexes more than 4 deep", at: SourceLocation(path: name))
    }

    /// The config facts that matter here; `history` entries with `empty_layer` made no layer.
    struct ConfigFacts {
        var diffIDs: [String] = []
        var createdBy: [String] = []
        var os: String?
        var architecture: String?
        var lines: [String] = []

        init(_ config: [String: Any]) {
            diffIDs = ((config["rootfs"] as? [String: Any])?["diff_ids"] as? [String]) ?? []
            for step in config["history"] as? [[String: Any]] ?? [] where step["empty_layer"] as? Bool != true {
                createdBy.append(step["created_by"] as? String ?? "")
            }
            let run = config["config"] as? [String: Any] ?? [:]
            lines += (run["Env"] as? [String] ?? []).map { "ENV " + $0 }
            lines += (run["Labels"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }.map { "LABEL \($0.key)=\($0.value)" }
            for key in ["Entrypoint", "Cmd"] {
                if let words = run[key] as? [String] { lines.append("\(key.uppercased()) " + words.joined(separator: " ")) }
            }
            for (i, step) in (config["history"] as? [[String: Any]] ?? []).enumerated() {
                if let by = step["created_by"] as? String, !by.isEmpty { lines.append("HISTORY \(i): " + by) }
            }
            os = config["os"] as? String
            architecture = config["architecture"] as? String
        }

        func check(layerCount: Int, name: String) -> [Diagnostic] {
            guard diffIDs.count != layerCount else { return [] }
            return [Diagnostic(level: .warning, code: .parseError, location: SourceLocation(path: name),
                               reason: "the config lists \(diffIDs.count) diff ids for \(layerCount) layers; layers are named by blob digest where the two disagree")]
        }
    }

    /// `sha256:<64 hex>` (or sha512 with 128): anything else would become a path in the store.
    static func checkedDigest(_ value: Any?, name: String) throws(StrataError) -> String {
        guard let digest = value as? String else { throw StrataError(.parseError, "\(name): a descriptor has no digest", at: SourceLocation(path: name)) }
        let parts = digest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, (parts[0] == "sha256" && isHex(parts[1], 64)) || (parts[0] == "sha512" && isHex(parts[1], 128)) else {
            throw StrataError(.parseError, "\(name): '\(digest.prefix(100))' is not a sha256 or sha512 digest", at: SourceLocation(path: name))
        }
        return digest
    }

    static func blobPath(_ digest: String) -> String { "blobs/" + digest.replacingOccurrences(of: ":", with: "/") }

    static func digestFromPath(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        if parts.count >= 2, parts[parts.count - 2] == "sha256", isHex(parts.last!, 64) { return "sha256:" + parts.last! }
        return nil
    }

    static func isHex(_ s: some StringProtocol, _ length: Int) -> Bool {
        s.utf8.count == length && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func json(_ store: any ImageBlobStore, _ path: String, name: String) throws(StrataError) -> Any {
        let data = try store.read(path)
        guard data.count <= maxJSON else {
            throw StrataError(.fileTooLarge, "\(path) in \(name) is \(data.count) bytes, over the \(maxJSON)-byte limit for image JSON", at: SourceLocation(path: name))
        }
        do {
            return try JSONSerialization.jsonObject(with: Data(data), options: [])
        } catch {
            throw StrataError(.parseError, "\(path) in \(name) is not valid JSON", at: SourceLocation(path: name))
        }
    }
}
