import Foundation

/// The outcome of one scan: versioned so that consumers can rely on its shape
/// (documented in docs/json-report.md).
public struct Report: Codable, Sendable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var createdAt: Date
    public var tool: ToolInfo
    public var artifact: Artifact
    public var results: [TargetResult]
    public var diagnostics: [Diagnostic]
    public var suppressed: [SuppressedFinding]

    public init(
        createdAt: Date, tool: ToolInfo = .strata, artifact: Artifact, results: [TargetResult],
        diagnostics: [Diagnostic] = [], suppressed: [SuppressedFinding] = []
    ) {
        self.schemaVersion = Report.currentSchemaVersion
        self.createdAt = createdAt
        self.tool = tool
        self.artifact = artifact
        self.results = results
        self.diagnostics = diagnostics
        self.suppressed = suppressed
    }

    /// Groups findings into per-target results in deterministic order.
    public init(
        createdAt: Date, artifact: Artifact, findings: [Finding], diagnostics: [Diagnostic] = [],
        suppressed: [SuppressedFinding] = [], packages: [PackageFacts] = []
    ) {
        let grouped = Dictionary(grouping: findings, by: \.target)
        let packagesByTarget = Dictionary(grouping: packages) { $0.location?.path ?? "" }
        let results = Set(grouped.keys).union(packagesByTarget.keys).sorted().map { target in
            TargetResult(
                target: target, findings: (grouped[target] ?? []).sorted(by: Finding.reportOrder),
                packages: (packagesByTarget[target] ?? []).sorted { ($0.name, $0.installedVersion) < ($1.name, $1.installedVersion) })
        }
        self.init(
            createdAt: createdAt, artifact: artifact, results: results,
            diagnostics: diagnostics.sorted(),
            suppressed: suppressed.sorted { Finding.reportOrder($0.finding, $1.finding) })
    }

    public var allFindings: [Finding] { results.flatMap(\.findings) }

    public func count(of severity: Severity) -> Int {
        results.reduce(0) { $0 + $1.findings.filter { $0.severity == severity }.count }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "SchemaVersion", createdAt = "CreatedAt", tool = "Tool", artifact = "Artifact"
        case results = "Results", diagnostics = "Diagnostics", suppressed = "Suppressed"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        tool = try c.decodeIfPresent(ToolInfo.self, forKey: .tool) ?? .strata
        artifact = try c.decode(Artifact.self, forKey: .artifact)
        results = try c.decodeIfPresent([TargetResult].self, forKey: .results) ?? []
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
        suppressed = try c.decodeIfPresent([SuppressedFinding].self, forKey: .suppressed) ?? []
    }
}

public struct ToolInfo: Codable, Sendable, Hashable {
    public var name: String
    public var version: String
    public var informationURI: String

    public init(name: String, version: String, informationURI: String) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }

    public static let strata = ToolInfo(name: "strata", version: StrataVersion.current, informationURI: "https://strata.dev")

    enum CodingKeys: String, CodingKey { case name = "Name", version = "Version", informationURI = "InformationURI" }
}

/// What was scanned as a whole.
public struct Artifact: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case filesystem, rootfs, image, sbom, cluster, report }
    public var name: String
    public var kind: Kind
    /// For images: the id, tags and layers, so that a finding's `LayerDigest` leads to its build step.
    public var image: ImageMetadata?

    public init(name: String, kind: Kind, image: ImageMetadata? = nil) {
        self.name = name
        self.kind = kind
        self.image = image
    }

    enum CodingKeys: String, CodingKey { case name = "Name", kind = "Kind", image = "Image" }
}

public struct ImageMetadata: Codable, Sendable, Hashable {
    public struct Layer: Codable, Sendable, Hashable {
        public var index: Int
        public var diffID: String?
        public var digest: String?
        public var createdBy: String?

        public init(index: Int, diffID: String?, digest: String?, createdBy: String?) {
            self.index = index
            self.diffID = diffID
            self.digest = digest
            self.createdBy = createdBy
        }

        enum CodingKeys: String, CodingKey { case index = "Index", diffID = "DiffID", digest = "Digest", createdBy = "CreatedBy" }
    }

    public var format: String
    public var imageID: String?
    public var manifestDigest: String?
    public var repoTags: [String]
    public var os: String?
    public var architecture: String?
    public var layers: [Layer]

    public init(format: String, imageID: String?, manifestDigest: String?, repoTags: [String], os: String?, architecture: String?, layers: [Layer]) {
        self.format = format
        self.imageID = imageID
        self.manifestDigest = manifestDigest
        self.repoTags = repoTags
        self.os = os
        self.architecture = architecture
        self.layers = layers
    }

    enum CodingKeys: String, CodingKey {
        case format = "Format", imageID = "ImageID", manifestDigest = "ManifestDigest", repoTags = "RepoTags"
        case os = "OS", architecture = "Architecture", layers = "Layers"
    }
}

public struct TargetResult: Codable, Sendable, Hashable {
    public var target: String
    public var findings: [Finding]
    /// Every package found in the target (`--list-all-pkgs`); omitted from JSON when empty.
    public var packages: [PackageFacts]

    public init(target: String, findings: [Finding], packages: [PackageFacts] = []) {
        self.target = target
        self.findings = findings
        self.packages = packages
    }

    enum CodingKeys: String, CodingKey { case target = "Target", findings = "Findings", packages = "Packages" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        target = try c.decode(String.self, forKey: .target)
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        packages = try c.decodeIfPresent([PackageFacts].self, forKey: .packages) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(target, forKey: .target)
        try c.encode(findings, forKey: .findings)
        if !packages.isEmpty { try c.encode(packages, forKey: .packages) }
    }
}

/// A finding that a suppression removed from the results, with the reason it was removed.
public struct SuppressedFinding: Codable, Sendable, Hashable {
    public enum Source: String, Codable, Sendable { case ignoreFile = "ignorefile", inline, baseline }
    public var finding: Finding
    public var source: Source
    public var reason: String?
    /// Where the suppression was written (`.strataignore:3`, `deploy.yaml:12`).
    public var origin: String?

    public init(finding: Finding, source: Source, reason: String?, origin: String?) {
        self.finding = finding
        self.source = source
        self.reason = reason
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey { case finding = "Finding", source = "Source", reason = "Reason", origin = "Origin" }
}
