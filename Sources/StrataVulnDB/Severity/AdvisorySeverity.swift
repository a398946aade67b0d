import StrataCore

/// One severity for an advisory: the highest computed CVSS base score among its vectors
/// (v3 preferred, then v4, then v2: advisories carrying both v3 and v4 keep the v3 rating feeds
/// have long published), else the database's own rating, else UNKNOWN.
public enum AdvisorySeverity {
    public static func of(_ advisory: OSVAdvisory) -> (severity: Severity, score: CVSS.Score?) {
        let scores = advisory.severity.compactMap { CVSS.score($0.score) }
        func best(_ prefix: String) -> CVSS.Score? { scores.filter { $0.version.hasPrefix(prefix) }.max { $0.base < $1.base } }
        if let chosen = best("3") ?? best("4") ?? best("2") { return (chosen.severity, chosen) }
        if let rated = advisory.ratedSeverity.flatMap(rating) { return (rated, nil) }
        return (.unknown, nil)
    }

    /// GitHub's and distributions' words for severities.
    static func rating(_ text: String) -> Severity? {
        switch text.lowercased() {
        case "critical": .critical
        case "high", "important": .high
        case "moderate", "medium": .medium
        case "low", "negligible": .low
        default: nil
        }
    }
}
