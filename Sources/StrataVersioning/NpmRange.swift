/// An npm version range (node-semver's grammar, default options): comparator sets joined by
/// `||`; in a set, comparators joined by spaces (all must hold): `<`, `<=`, `>`, `>=`, `=`,
/// X-ranges (`1.x`, `1.2.*`, `*`, `""`, partial versions `1`, `1.2`), tilde (`~1.2.3`, `~>`),
/// caret (`^0.2.3`) and hyphen ranges (`1.2 - 2.3.4`), all rewritten to primitive comparators as
/// node-semver does (`^1.2.3` → `>=1.2.3 <2.0.0-0`).
///
/// Pre-release rule: a version with a pre-release tag satisfies a set only if some comparator
/// of that set has a pre-release tag on the same `major.minor.patch`.
public struct NpmRange: Sendable, CustomStringConvertible {
    public static let schemeID = "npm-range"

    public enum Operator: String, Sendable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = ""
    }

    public struct Comparator: Sendable, Equatable, CustomStringConvertible {
        public let op: Operator
        public let version: SemanticVersion

        public func matches(_ candidate: SemanticVersion) -> Bool {
            let order = SemanticVersion.compare(candidate, version)
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            case .equal: return order == 0
            }
        }

        public var description: String { op.rawValue + version.description }
    }

    /// The alternatives (`||`); each is a list of comparators that must all hold (empty = any).
    public let sets: [[Comparator]]
    private let text: String

    public init(parsing text: String) throws(VersionParseError) {
        self.text = text
        var sets = [[Comparator]]()
        for alternative in text.split(separator: "||", omittingEmptySubsequences: false) {
            sets.append(try NpmRangeParser(range: text).parseSet(String(alternative)))
        }
        self.sets = sets
    }

    /// True if `version` satisfies the range.
    public func isSatisfied(by version: NpmVersion) -> Bool {
        sets.contains { set in
            guard set.allSatisfy({ $0.matches(version.semver) }) else { return false }
            guard version.semver.isPrerelease else { return true }
            return set.contains { comparator in
                let bound = comparator.version
                return bound.isPrerelease && bound.major == version.semver.major
                    && bound.minor == version.semver.minor && bound.patch == version.semver.patch
            }
        }
    }

    /// Parses `version` as an npm version and tests it.
    public func isSatisfied(by version: String) throws(VersionParseError) -> Bool {
        isSatisfied(by: try NpmVersion(parsing: version))
    }

    public var description: String { text }

    /// The desugared form, e.g. `>=1.2.3 <2.0.0-0 || >=3.0.0`.
    public var normalized: String {
        sets.map { $0.isEmpty ? "*" : $0.map(\.description).joined(separator: " ") }.joined(separator: " || ")
    }
}

