/// Simple case folding orbits (`k`, `K`, `K` U+212A), as `(?i)` uses them.
/// Built once from the standard library's single-scalar case mappings: two scalars are in one orbit
/// when one maps to the other by lower-, upper- or titlecasing.
enum CaseFolding {
    private struct Table: Sendable {
        /// Every scalar that has an orbit, sorted.
        let cased: [UInt32]
        /// Scalar → its orbit (sorted, including itself).
        let orbits: [UInt32: [UInt32]]
    }

    // No cased scalar lies above the Supplementary Multilingual Plane.
    private static let limit: UInt32 = 0x1FFFF

    private static let table: Table = {
        var parent: [UInt32: UInt32] = [:]
        func find(_ x: UInt32) -> UInt32 {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        func join(_ a: UInt32, _ b: UInt32) {
            if parent[a] == nil { parent[a] = a }
            if parent[b] == nil { parent[b] = b }
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for v in 0...limit {
            guard let s = Unicode.Scalar(v) else { continue }
            let p = s.properties
            // Dotted and dotless i fold only under Turkic rules, which Go's simple folding leaves out.
            guard p.changesWhenCaseMapped, v != 0x130, v != 0x131 else { continue }
            for m in [p.lowercaseMapping, p.uppercaseMapping, p.titlecaseMapping] {
                let scalars = m.unicodeScalars
                if scalars.count == 1, let t = scalars.first?.value, t != v { join(v, t) }
            }
        }
        var groups: [UInt32: [UInt32]] = [:]
        for k in parent.keys { groups[find(k), default: []].append(k) }
        var orbits: [UInt32: [UInt32]] = [:]
        for (_, members) in groups {
            let sorted = members.sorted()
            for m in sorted { orbits[m] = sorted }
        }
        return Table(cased: orbits.keys.sorted(), orbits: orbits)
    }()

    /// The orbit of `c`, or just `[c]` when it has no case variants.
    static func orbit(of c: UInt32) -> [UInt32] {
        table.orbits[c] ?? [c]
    }

    /// The scalars in `range` that have case variants.
    static func casedScalars(in range: ClosedRange<UInt32>) -> ArraySlice<UInt32> {
        let cased = table.cased
        var lo = 0, hi = cased.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cased[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < cased.count, cased[end] <= range.upperBound { end += 1 }
        return cased[lo..<end]
    }
}
