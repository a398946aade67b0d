import StrataCore

/// What an image is made of, read from its manifest and config: the layers in order (bottom
/// first) with the digests that name them, and the facts a report shows.
public struct ImageDescription: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case dockerArchive = "docker-archive", ociLayout = "oci-layout"
    }

    public struct Layer: Sendable, Hashable {
        /// Bottom layer is 0.
        public var index: Int
        /// Where the layer's bytes are, inside the archive or layout.
        public var path: String
        public var mediaType: String?
        /// Digest of the blob as stored (compressed), when the manifest names one.
        public var digest: String?
        /// Digest of the uncompressed tar (`rootfs.diff_ids` of the config).
        public var diffID: String?
        /// The build step that made it (`history[].created_by` of the config).
        public var createdBy: String?

        /// The id a finding names the layer by: the diff id, which is the same whatever the
        /// compression or archive format, else the blob digest.
        public var id: String { diffID ?? digest ?? "layer \(index)" }
    }

    public var format: Format
    /// The config blob's digest: the image id that `docker images` shows.
    public var imageID: String?
    public var manifestDigest: String?
    public var repoTags: [String]
    public var os: String?
    public var architecture: String?
    public var layers: [Layer]
    /// The config as lines a person reads like a Dockerfile (`ENV K=V`, `LABEL`, `ENTRYPOINT`,
    /// `CMD`, then `HISTORY n: <created_by>` for every step): build arguments and environment
    /// values live here, outside every layer, and are scanned for secrets too.
    public var configLines: [String] = []
}

extension ImageDescription {
    /// The report's description of the image (`Artifact.Image`).
    public var metadata: ImageMetadata {
        ImageMetadata(
            format: format.rawValue, imageID: imageID, manifestDigest: manifestDigest, repoTags: repoTags,
            os: os, architecture: architecture,
            layers: layers.map { ImageMetadata.Layer(index: $0.index, diffID: $0.diffID, digest: $0.digest, createdBy: $0.createdBy) })
    }
}
