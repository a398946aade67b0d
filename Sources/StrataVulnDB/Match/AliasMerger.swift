import StrataCore
import StrataVersioning

/// Groups matches that are the same vulnerability published under different ids — one names the
/// other among its aliases (PYSEC-… ↔ GHSA-…) — keeping one match per group: the id that sorts
/// first, every other id as an alias, the highest severity, the union of fixed versions. Two
/// advisories that merely share a CVE alias stay separate: the publisher chose to keep them apart.
enum AliasMerger {
    static func merge(_ matches: [VulnMatch], scheme: any VersionScheme) -> [VulnMatch] {
        var groups: [[VulnMatch]] = []
        for m in matches {
            let linked = groups.indices.filter { i in
                groups[i].contains { x in m.aliases.contains(x.advisoryID) || x.aliases.contains(m.advisoryID) }
            }
            guard let target = linked.first else {
                groups.append([m])
                continue
            }
            for other in linked.dropFirst() {
                groups[target] += groups[other]
                groups[other] = []
            }
            groups[target].append(m)
        }
        return groups.filter { !$0.isEmpty }.map { combine($0, scheme: scheme) }.sorted { $0.advisoryID < $1.advisoryID }
    }

    static func combine(_ group: [VulnMatch], scheme: any VersionScheme) -> VulnMatch {
        let ordered = group.sorted { $0.advisoryID < $1.advisoryID }
        var first = ordered[0]
        guard ordered.count > 1 else { return first }
        let ids = Set(ordered.flatMap { [$0.advisoryID] + $0.aliases })
        first.aliases = ids.subtracting([first.advisoryID]).sorted()
        let worst = ordered.max { $0.severity < $1.severity }!
        first.severity = worst.severity
        first.cvss = worst.cvss ?? first.cvss
        first.fixedVersions = sorted(Array(Set(ordered.flatMap(\.fixedVersions))), scheme)
        first.matchedByRanges = ordered.contains { $0.matchedByRanges }
        first.matchedByVersions = ordered.contains { $0.matchedByVersions }
        first.references = Array(Set(ordered.flatMap(\.references))).sorted()
        return first
    }

    static func sorted(_ versions: [String], _ scheme: any VersionScheme) -> [String] {
        versions.sorted { a, b in
            if let order = try? scheme.compare(a, b), order != .orderedSame { return order == .orderedAscending }
            return a < b
        }
    }
}
