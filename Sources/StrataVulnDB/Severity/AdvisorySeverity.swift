import StrataCore

/// One severity for an advisory: the highest computed CVSS base score among its vectors
/// (v3 preferred over v2), else the database's own rating, else UNKNOWN.
public enum AdvisorySeverity {
    public static func of(_ advisory: OSVAdvisory) -> (severity: Severity, score: CVSS.Score?) {
        let scores = advisory.severity.compactMap { CVSS.score($0.score) }
        let v3 = scores.filter { $0.version.hasPrefix("3") }.max { $0.base < $1.base }
        if let best = v3 ?? scores.max(by: { $0.base < $1.base }) { return (best.severity, best) }
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
