/// Package details carried by vulnerability (and license) findings.
public struct PackageFacts: Codable, Sendable, Hashable {
    public var name: String
    public var installedVersion: String
    public var fixedVersions: [String]
    public var purl: String?
    public var ecosystem: String?
    /// For OS packages: the source package (dpkg `Source:`, apk origin), which advisories name.
    public var sourceName: String?
    /// Where the package is declared (lock file line, package database entry).
    public var location: SourceLocation?

    public init(
        name: String, installedVersion: String, fixedVersions: [String] = [], purl: String? = nil, ecosystem: String? = nil,
        sourceName: String? = nil, location: SourceLocation? = nil
    ) {
        self.name = name
        self.installedVersion = installedVersion
        self.fixedVersions = fixedVersions
        self.purl = purl
        self.ecosystem = ecosystem
        self.sourceName = sourceName
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", installedVersion = "InstalledVersion", fixedVersions = "FixedVersions"
        case purl = "PURL", ecosystem = "Ecosystem", sourceName = "SourceName", location = "Location"
    }
}
