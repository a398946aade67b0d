import StrataCore

/// One vulnerability affecting one package version, explained: which advisory, through which
/// part of it (ranges or the `versions` list), the fixed versions above the installed one, and
/// exploitation facts.
public struct VulnMatch: Sendable, Equatable {
    public var advisoryID: String
    /// Ids of the same vulnerability: the advisory's aliases plus ids of merged advisories.
    public var aliases: [String]
    public var summary: String?
    public var severity: Severity
    public var cvss: CVSS.Score?
    /// Sorted ascending; the first is the lowest fix above the installed version.
    public var fixedVersions: [String]
    public var matchedByRanges: Bool
    public var matchedByVersions: Bool
    public var knownExploited: Bool
    public var epss: Double?
    public var references: [String]

    public var lowestFixedVersion: String? { fixedVersions.first }
}

/// A package version asked about, in OSV terms.
public struct PackageQuery: Sendable, Hashable {
    public var ecosystem: String
    public var name: String
    public var version: String

    public init(ecosystem: String, name: String, version: String) {
        self.ecosystem = ecosystem
        self.name = name
        self.version = version
    }
}
