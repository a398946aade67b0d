/// The thing a finding is about, beyond the file: a Kubernetes object, a Terraform address,
/// an image layer. All fields are optional; scanners fill what they know.
public struct ResourceIdentity: Codable, Sendable, Hashable {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    /// Terraform address (`aws_s3_bucket.logs`), CloudFormation logical id, …
    public var address: String?
    public var imageDigest: String?
    public var layerDigest: String?

    public init(
        kind: String? = nil, namespace: String? = nil, name: String? = nil,
        address: String? = nil, imageDigest: String? = nil, layerDigest: String? = nil
    ) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.address = address
        self.imageDigest = imageDigest
        self.layerDigest = layerDigest
    }

    public var isEmpty: Bool {
        kind == nil && namespace == nil && name == nil && address == nil && imageDigest == nil && layerDigest == nil
    }

    /// A short human form: `Deployment/prod/web`, `aws_s3_bucket.logs`, `sha256:…`.
    public var summary: String {
        if let address { return address }
        let parts = [kind, namespace, name].compactMap { $0 }
        if !parts.isEmpty { return parts.joined(separator: "/") }
        return layerDigest ?? imageDigest ?? ""
    }

    enum CodingKeys: String, CodingKey {
        case kind = "Kind", namespace = "Namespace", name = "Name", address = "Address"
        case imageDigest = "ImageDigest", layerDigest = "LayerDigest"
    }
}
