/// Decides whether a version is affected by an OSV `affected[]` entry, per the OSV schema's
/// evaluation rules, and which fixed versions lie above it.
///
/// * A version is affected if it equals an entry of `versions` (by the scheme's equality; by
///   exact string for entries the scheme cannot parse), or lies in a `SEMVER` or `ECOSYSTEM`
///   range. `ECOSYSTEM` ranges use the ecosystem's scheme; `SEMVER` ranges use SemVer 2.0.0
///   precedence: the ecosystem's scheme when it is one of the SemVer family (`go`, `npm`,
///   `cargo`, `semver`, which accept their ecosystem's spellings such as Go's `v`), else strict SemVer.
/// * A range's events are sorted by version (`introduced: "0"` lowest, `limit: "*"` highest;
///   at equal versions `fixed` < `introduced` < `last_affected` < `limit`, then file order,
///   so adjacent intervals `[a, X)` + `[X, b)` leave `X` affected) and walked: `introduced` at or
///   below the version turns it affected, `fixed` at or below turns it unaffected,
///   `last_affected` below turns it unaffected. With `limit` events, the version must also lie
///   below one of them.
/// * The fixed versions of a match are, per matching range, the first `fixed` event above the
///   version (none when a `last_affected` at or above it comes first, or the range is open).
/// * `GIT` ranges need a commit graph and a range with an event the scheme cannot parse cannot
///   be ordered: both are skipped and reported in ``Match/skipped``, never guessed.
public struct OSVRangeEvaluator: Sendable {
    public let scheme: any VersionScheme
    private let semver: any VersionScheme

    static let semverFamily: Set = [GoModuleVersion.schemeID, NpmVersion.schemeID, CargoVersion.schemeID, SemanticVersion.schemeID]

    public init(scheme: any VersionScheme) {
        self.scheme = scheme
        semver = Self.semverFamily.contains(scheme.id) ? scheme : ParsedVersionScheme<SemanticVersion>()
    }

    /// The evaluator for an OSV ecosystem name (`PyPI`, `Go`, `Debian:12`, …), nil if unknown.
    public init?(ecosystem: String) {
        guard let scheme = VersionSchemes.scheme(forEcosystem: ecosystem) else { return nil }
        self.init(scheme: scheme)
    }

    /// Evaluates `version` (which must parse in ``scheme``) against `affected`.
    public func evaluate(_ version: String, in affected: Entry) throws(VersionParseError) -> Match {
        try scheme.validate(version)
        var match = Match()
        match.matchedByVersions = affected.versions.contains { listed in
            (try? scheme.compare(listed, version)).map { $0 == .orderedSame } ?? (listed == version)
        }
        for (index, range) in affected.ranges.enumerated() {
            guard range.type != .git else {
                match.skipped.append(.init(rangeIndex: index, reason: "GIT ranges need a commit graph"))
                continue
            }
            let order = range.type == .semver ? semver : scheme
            do {
                guard let fixed = try Self.walk(version, range.events, order) else { continue }
                match.matchedByRanges = true
                if let fixed, !match.fixedVersions.contains(fixed) { match.fixedVersions.append(fixed) }
            } catch {
                match.skipped.append(.init(rangeIndex: index, reason: error.description))
            }
        }
        match.fixedVersions.sort { (try? scheme.compare($0, $1)) == .orderedAscending }
        return match
    }

    /// nil when `version` is not in the range; otherwise the next fixed version (or nil-in-Optional).
    static func walk(_ version: String, _ events: [Event], _ order: any VersionScheme) throws(VersionParseError) -> String?? {
        let sorted = try sortEvents(events, order)
        var affected = false
        for event in sorted {
            switch event {
            case .introduced("0"): affected = true
            case .introduced(let bound): if try order.compare(version, bound) != .orderedAscending { affected = true }
            case .fixed(let bound): if try order.compare(version, bound) != .orderedAscending { affected = false }
            case .lastAffected(let bound): if try order.compare(version, bound) == .orderedDescending { affected = false }
            case .limit: break
            }
        }
        let limits = sorted.compactMap { if case .limit(let bound) = $0 { return bound } else { return nil } }
        var belowALimit = limits.isEmpty || limits.contains("*")
        for bound in limits where bound != "*" && !belowALimit {
            belowALimit = try order.compare(version, bound) == .orderedAscending
        }
        if !belowALimit { affected = false }
        guard affected else { return nil }
        for event in sorted {
            if case .fixed(let bound) = event, try order.compare(bound, version) == .orderedDescending { return .some(bound) }
            if case .lastAffected(let bound) = event, try order.compare(bound, version) != .orderedAscending { return .some(nil) }
        }
        return .some(nil)
    }

    /// Stable sort by version with the tie order described above.
    static func sortEvents(_ events: [Event], _ order: any VersionScheme) throws(VersionParseError) -> [Event] {
        func rank(_ event: Event) -> Int {
            if case .introduced("0") = event { return -1 }
            if case .limit("*") = event { return 1 }
            return 0
        }
        for event in events where rank(event) == 0 { try order.validate(event.version) }
        let indexed = Array(events.enumerated())
        return indexed.sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            let byVersion = rank(a) == 0 ? ((try? order.compare(a.version, b.version)) ?? .orderedSame) : .orderedSame
            if byVersion != .orderedSame { return byVersion == .orderedAscending }
            if a.tieRank != b.tieRank { return a.tieRank < b.tieRank }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

extension OSVRangeEvaluator {
    /// The outcome of ``OSVRangeEvaluator/evaluate(_:in:)``.
    public struct Match: Sendable, Equatable {
        public struct Skipped: Sendable, Equatable {
            /// Index into the entry's `ranges`.
            public let rangeIndex: Int
            public let reason: String
        }

        public var matchedByRanges = false
        public var matchedByVersions = false
        /// Fixed versions above the version, one per matching range, deduplicated, ascending.
        public var fixedVersions = [String]()
        public var skipped = [Skipped]()

        public var isAffected: Bool { matchedByRanges || matchedByVersions }
        /// The lowest fixed version above the evaluated one, if any range gives one.
        public var lowestFixedVersion: String? { fixedVersions.first }
    }
}
