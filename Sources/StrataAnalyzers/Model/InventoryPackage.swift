import StrataCore

/// One installed or locked package, with where it was declared.
public struct InventoryPackage: Sendable, Hashable, Codable {
    /// Whether the manifest says the package is a direct dependency of the project.
    public enum Relationship: String, Sendable, Hashable, Codable {
        case direct, indirect, unknown
    }

    public var name: String
    /// Exact version; `nil` when the declaration does not pin one (see `constraint`).
    public var version: String?
    /// OSV ecosystem name: `PyPI`, `npm`, `Go`, `crates.io`, `RubyGems`, `Packagist`, `Debian`, `Alpine`.
    public var ecosystem: String
    public var purl: PURL?
    /// For OS packages: the source package (dpkg `Source:`, apk `o:`) and its version.
    public var sourceName: String?
    public var sourceVersion: String?
    public var relationship: Relationship
    /// Development-only dependency (npm `dev`, Pipfile `develop`, poetry `dev` group).
    public var isDevelopment: Bool
    /// The declared requirement when it is not an exact pin (`>=2.0`, `^1.2`).
    public var constraint: String?
    public var location: SourceLocation

    public init(
        name: String, version: String?, ecosystem: String, purl: PURL? = nil,
        sourceName: String? = nil, sourceVersion: String? = nil,
        relationship: Relationship = .unknown, isDevelopment: Bool = false,
        constraint: String? = nil, location: SourceLocation
    ) {
        self.name = name
        self.version = version
        self.ecosystem = ecosystem
        self.purl = purl
        self.sourceName = sourceName
        self.sourceVersion = sourceVersion
        self.relationship = relationship
        self.isDevelopment = isDevelopment
        self.constraint = constraint
        self.location = location
    }
}
