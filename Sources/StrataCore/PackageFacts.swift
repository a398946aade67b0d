/// Package details carried by vulnerability (and license) findings.
public struct PackageFacts: Codable, Sendable, Hashable {
    public var name: String
    public var installedVersion: String
    public var fixedVersions: [String]
    public var purl: String?
    public var ecosystem: String?

    public init(name: String, installedVersion: String, fixedVersions: [String] = [], purl: String? = nil, ecosystem: String? = nil) {
        self.name = name
        self.installedVersion = installedVersion
        self.fixedVersions = fixedVersions
        self.purl = purl
        self.ecosystem = ecosystem
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", installedVersion = "InstalledVersion", fixedVersions = "FixedVersions"
        case purl = "PURL", ecosystem = "Ecosystem"
    }
}
