import Foundation
import StrataCore
import StrataVersioning

/// Matches package versions against the store with exact version semantics per ecosystem
/// (StrataVersioning's OSV range evaluator). Advisories that name each other (one's id among the
/// other's aliases, or a shared alias such as a CVE) are merged so that one vulnerability is one
/// match; the merged match keeps the most severe rating and every fixed version.
public struct VulnMatcher: Sendable {
    public let store: VulnStore

    public init(store: VulnStore) {
        self.store = store
    }

    public struct Outcome: Sendable {
        public var matches: [VulnMatch]
        /// Why something could not be decided (an unparseable version, a range skipped).
        public var notes: [String]
    }

    public func match(_ q: PackageQuery) throws(StrataError) -> Outcome {
        var notes: [String] = []
        guard let evaluator = OSVRangeEvaluator(ecosystem: q.ecosystem) else {
            return Outcome(matches: [], notes: ["no version scheme for ecosystem \(q.ecosystem)"])
        }
        let normalized = PackageName.normalized(q.name, ecosystem: q.ecosystem)
        var found: [VulnMatch] = []
        for advisory in try store.advisories(ecosystem: q.ecosystem, package: q.name) {
            let entries = advisory.affected.filter { entry in
                guard let p = entry.package else { return false }
                return p.ecosystem == q.ecosystem && PackageName.normalized(p.name, ecosystem: p.ecosystem) == normalized
            }
            do {
                if let m = try evaluate(advisory, entries, q.version, evaluator, notes: &notes) { found.append(m) }
            } catch {
                // The installed version itself does not parse: report it, never guess.
                return Outcome(matches: [], notes: ["\(q.name) \(q.version): \(error.description)"])
            }
        }
        return Outcome(matches: try enrich(AliasMerger.merge(found, scheme: evaluator.scheme)), notes: notes)
    }

    func evaluate(_ a: OSVAdvisory, _ entries: [OSVAffected], _ version: String, _ evaluator: OSVRangeEvaluator, notes: inout [String]) throws(VersionParseError) -> VulnMatch? {
        var byRanges = false, byVersions = false
        var fixed: [String] = []
        for entry in entries {
            let m = try evaluator.evaluate(version, in: entry)
            for s in m.skipped where !s.reason.contains("GIT") { notes.append("\(a.id): range \(s.rangeIndex) skipped: \(s.reason)") }
            guard m.isAffected else { continue }
            byRanges = byRanges || m.matchedByRanges
            byVersions = byVersions || m.matchedByVersions
            for f in m.fixedVersions where !fixed.contains(f) { fixed.append(f) }
        }
        guard byRanges || byVersions else { return nil }
        let (severity, score) = AdvisorySeverity.of(a)
        return VulnMatch(
            advisoryID: a.id, aliases: a.aliases, summary: a.summary ?? AdvisoryWriter.firstLine(a.details),
            severity: severity, cvss: score, fixedVersions: AliasMerger.sorted(fixed, evaluator.scheme),
            matchedByRanges: byRanges, matchedByVersions: byVersions, knownExploited: false, epss: nil,
            references: a.references.map(\.url))
    }

    /// KEV and EPSS facts, looked up by every id of the vulnerability.
    func enrich(_ matches: [VulnMatch]) throws(StrataError) -> [VulnMatch] {
        var out = matches
        for i in out.indices {
            let ids = [out[i].advisoryID] + out[i].aliases
            for id in ids where id.hasPrefix("CVE-") {
                if try store.isKnownExploited(id) { out[i].knownExploited = true }
                if let e = try store.epss(id) { out[i].epss = max(out[i].epss ?? 0, e.score) }
            }
        }
        return out
    }
}
