import Foundation

/// Finding severity, ordered from least to most severe so that `>=` reads as "at least as bad as".
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case unknown = "UNKNOWN"
    case low = "LOW"
    case medium = "MEDIUM"
    case high = "HIGH"
    case critical = "CRITICAL"

    var rank: Int {
        switch self {
        case .unknown: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Parses a severity name case-insensitively ("high", "HIGH", "High").
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).uppercased())
    }

    /// Most severe first, the order reports list them in.
    public static let descending: [Severity] = [.critical, .high, .medium, .low, .unknown]
}
