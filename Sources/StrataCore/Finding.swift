/// One problem found by any scanner. Every scanner produces this same shape so that reports,
/// suppressions, baselines and the findings store handle all four layers alike.
public struct Finding: Codable, Sendable, Hashable {
    public var kind: FindingKind
    /// Rule id (`STRATA-K8S-0001`) or advisory id (`GHSA-…`, `CVE-…`).
    public var ruleID: String
    /// Other ids of the same problem (CVE ids of a GHSA advisory, …).
    public var aliases: [String]
    public var title: String
    public var severity: Severity
    /// What was scanned: a file path relative to the root, an image reference, a package file.
    public var target: String
    public var location: SourceLocation?
    public var resource: ResourceIdentity?
    /// Why it fired, in this instance.
    public var message: String
    public var remediation: String?
    public var references: [String]
    public var compliance: [ComplianceMapping]
    public var package: PackageFacts?
    /// Stable id for deduplication across runs and tools; see `Fingerprint`.
    public var fingerprint: String

    public init(
        kind: FindingKind, ruleID: String, aliases: [String] = [], title: String, severity: Severity,
        target: String, location: SourceLocation? = nil, resource: ResourceIdentity? = nil,
        message: String, remediation: String? = nil, references: [String] = [],
        compliance: [ComplianceMapping] = [], package: PackageFacts? = nil,
        fingerprintHint: String? = nil
    ) {
        self.kind = kind
        self.ruleID = ruleID
        self.aliases = aliases
        self.title = title
        self.severity = severity
        self.target = target
        self.location = location
        self.resource = resource
        self.message = message
        self.remediation = remediation
        self.references = references
        self.compliance = compliance
        self.package = package
        self.fingerprint = ""
        self.fingerprint = Fingerprint.of(self, hint: fingerprintHint)
    }

    enum CodingKeys: String, CodingKey {
        case kind = "Kind", ruleID = "RuleID", aliases = "Aliases", title = "Title", severity = "Severity"
        case target = "Target", location = "Location", resource = "Resource", message = "Message"
        case remediation = "Remediation", references = "References", compliance = "Compliance"
        case package = "Package", fingerprint = "Fingerprint"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(FindingKind.self, forKey: .kind)
        ruleID = try c.decode(String.self, forKey: .ruleID)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? .unknown
        target = try c.decodeIfPresent(String.self, forKey: .target) ?? ""
        location = try c.decodeIfPresent(SourceLocation.self, forKey: .location)
        resource = try c.decodeIfPresent(ResourceIdentity.self, forKey: .resource)
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        remediation = try c.decodeIfPresent(String.self, forKey: .remediation)
        references = try c.decodeIfPresent([String].self, forKey: .references) ?? []
        compliance = try c.decodeIfPresent([ComplianceMapping].self, forKey: .compliance) ?? []
        package = try c.decodeIfPresent(PackageFacts.self, forKey: .package)
        fingerprint = try c.decodeIfPresent(String.self, forKey: .fingerprint) ?? ""
        if fingerprint.isEmpty { fingerprint = Fingerprint.of(self, hint: nil) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(ruleID, forKey: .ruleID)
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
        try c.encode(title, forKey: .title)
        try c.encode(severity, forKey: .severity)
        try c.encode(target, forKey: .target)
        try c.encodeIfPresent(location, forKey: .location)
        if let resource, !resource.isEmpty { try c.encode(resource, forKey: .resource) }
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(remediation, forKey: .remediation)
        if !references.isEmpty { try c.encode(references, forKey: .references) }
        if !compliance.isEmpty { try c.encode(compliance, forKey: .compliance) }
        try c.encodeIfPresent(package, forKey: .package)
        try c.encode(fingerprint, forKey: .fingerprint)
    }
}

extension Finding {
    /// Deterministic report order: most severe first, then place, then rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.target != b.target { return a.target < b.target }
        let la = a.location ?? SourceLocation(path: ""), lb = b.location ?? SourceLocation(path: "")
        if la != lb { return la < lb }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.fingerprint < b.fingerprint
    }
}
