import Foundation
import StrataVersioning

/// The `affected[]` entry type is the version evaluator's, so the store and the matcher read
/// advisories through one model.
public typealias OSVAffected = OSVRangeEvaluator.Entry

/// An OSV advisory (https://ossf.github.io/osv-schema/), the fields Strata stores and matches on.
/// Unknown fields are ignored; `ecosystem_specific`/`database_specific` are kept only where the
/// matcher or the report needs them (a severity rating given as text).
public struct OSVAdvisory: Decodable, Sendable, Equatable {
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

    public var isWithdrawn: Bool { withdrawn != nil }
}

public struct OSVSeverity: Codable, Sendable, Hashable {
    public init(type: String, score: String) {
        self.type = type
        self.score = score
    }

    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`.
    public var type: String
    public var score: String
}

public struct OSVReference: Codable, Sendable, Hashable {
    public var type: String?
    public var url: String
}
