import Foundation

/// An OSV advisory (https://ossf.github.io/osv-schema/), the fields Strata stores and matches on.
/// Unknown fields are ignored; `ecosystem_specific`/`database_specific` are kept only where the
/// matcher or the report needs them (a severity rating given as text).
public struct OSVAdvisory: Codable, Sendable, Hashable {
    public var id: String
    public var modified: String?
    public var published: String?
    public var withdrawn: String?
    public var aliases: [String]
    public var related: [String]
    public var summary: String?
    public var details: String?
    public var severity: [OSVSeverity]
    public var affected: [OSVAffected]
    public var references: [OSVReference]
    /// `database_specific.severity` as GitHub and others write it (`HIGH`, `moderate`).
    public var ratedSeverity: String?

    enum CodingKeys: String, CodingKey {
        case id, modified, published, withdrawn, aliases, related, summary, details, severity, affected, references
        case databaseSpecific = "database_specific"
    }

    struct DatabaseSpecific: Codable { var severity: String? }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        modified = try c.decodeIfPresent(String.self, forKey: .modified)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        withdrawn = try c.decodeIfPresent(String.self, forKey: .withdrawn)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        related = try c.decodeIfPresent([String].self, forKey: .related) ?? []
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        details = try c.decodeIfPresent(String.self, forKey: .details)
        severity = try c.decodeIfPresent([OSVSeverity].self, forKey: .severity) ?? []
        affected = try c.decodeIfPresent([OSVAffected].self, forKey: .affected) ?? []
        references = try c.decodeIfPresent([OSVReference].self, forKey: .references) ?? []
        ratedSeverity = (try? c.decodeIfPresent(DatabaseSpecific.self, forKey: .databaseSpecific))?.severity
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(modified, forKey: .modified)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(withdrawn, forKey: .withdrawn)
        try c.encode(aliases, forKey: .aliases)
        if !related.isEmpty { try c.encode(related, forKey: .related) }
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encodeIfPresent(details, forKey: .details)
        if !severity.isEmpty { try c.encode(severity, forKey: .severity) }
        try c.encode(affected, forKey: .affected)
        if !references.isEmpty { try c.encode(references, forKey: .references) }
        if let ratedSeverity { try c.encode(DatabaseSpecific(severity: ratedSeverity), forKey: .databaseSpecific) }
    }

    public var isWithdrawn: Bool { withdrawn != nil }
}

public struct OSVSeverity: Codable, Sendable, Hashable {
    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`.
    public var type: String
    public var score: String
}

public struct OSVReference: Codable, Sendable, Hashable {
    public var type: String?
    public var url: String
}

public struct OSVAffected: Codable, Sendable, Hashable {
    public var package: OSVPackage?
    public var ranges: [OSVRange]
    public var versions: [String]

    enum CodingKeys: String, CodingKey { case package, ranges, versions }

    public init(package: OSVPackage?, ranges: [OSVRange], versions: [String]) {
        self.package = package
        self.ranges = ranges
        self.versions = versions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        package = try c.decodeIfPresent(OSVPackage.self, forKey: .package)
        ranges = try c.decodeIfPresent([OSVRange].self, forKey: .ranges) ?? []
        versions = try c.decodeIfPresent([String].self, forKey: .versions) ?? []
    }
}

public struct OSVPackage: Codable, Sendable, Hashable {
    public var ecosystem: String
    public var name: String
    public var purl: String?
}

public struct OSVRange: Codable, Sendable, Hashable {
    /// `ECOSYSTEM`, `SEMVER` or `GIT`.
    public var type: String
    public var events: [OSVEvent]
    public var repo: String?
}

/// One range event: exactly one of its keys is set in valid OSV.
public struct OSVEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case introduced, fixed, lastAffected = "last_affected", limit
    }

    public var kind: Kind
    public var version: String

    public init(kind: Kind, version: String) {
        self.kind = kind
        self.version = version
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        for kind in Kind.allCases {
            if let v = try c.decodeIfPresent(String.self, forKey: AnyKey(stringValue: kind.rawValue)) {
                self.init(kind: kind, version: v)
                return
            }
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "range event without introduced, fixed, last_affected or limit"))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(version, forKey: AnyKey(stringValue: kind.rawValue))
    }
}
