/// A set of Unicode scalar values as sorted, disjoint, non-adjacent closed ranges.
/// ASCII membership is a 128-bit bitmap so the common case needs no search.
public struct CharClass: Sendable, Equatable {
    /// Flattened `[lo0, hi0, lo1, hi1, …]`, sorted and merged.
    public private(set) var ranges: [UInt32]
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0

    public static let maxScalar: UInt32 = 0x10FFFF

    public init() { ranges = [] }

    public init(ranges pairs: [(UInt32, UInt32)]) {
        ranges = []
        var copy = pairs
        copy.sort { $0.0 < $1.0 }
        for (lo, hi) in copy { appendSorted(lo, hi) }
        rebuildASCII()
    }

    public var isEmpty: Bool { ranges.isEmpty }

    /// Appends a range whose low end is ≥ every earlier low end, merging overlap and adjacency.
    private mutating func appendSorted(_ lo: UInt32, _ hi: UInt32) {
        if let last = ranges.last, lo <= last &+ 1 {
            if hi > last { ranges[ranges.count - 1] = hi }
        } else {
            ranges.append(lo)
            ranges.append(hi)
        }
    }

    private mutating func rebuildASCII() {
        asciiLow = 0
        asciiHigh = 0
        var i = 0
        while i < ranges.count, ranges[i] < 128 {
            let hi = min(ranges[i + 1], 127)
            for c in ranges[i]...hi {
                if c < 64 { asciiLow |= 1 << UInt64(c) } else { asciiHigh |= 1 << UInt64(c - 64) }
            }
            i += 2
        }
    }

    public func contains(_ c: UInt32) -> Bool {
        if c < 64 { return asciiLow & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiHigh & (1 << UInt64(c - 64)) != 0 }
        var lo = 0, hi = ranges.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[2 * mid + 1] < c { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count / 2 && ranges[2 * lo] <= c
    }

    public var pairs: [(UInt32, UInt32)] {
        stride(from: 0, to: ranges.count, by: 2).map { (ranges[$0], ranges[$0 + 1]) }
    }

    public func union(_ other: CharClass) -> CharClass {
        CharClass(ranges: pairs + other.pairs)
    }

    public func adding(_ lo: UInt32, _ hi: UInt32) -> CharClass {
        CharClass(ranges: pairs + [(lo, hi)])
    }

    /// Everything from 0 to U+10FFFF not in this class.
    public func negated() -> CharClass {
        var out: [(UInt32, UInt32)] = []
        var next: UInt32 = 0
        for (lo, hi) in pairs {
            if lo > next { out.append((next, lo - 1)) }
            next = hi &+ 1
        }
        if next <= Self.maxScalar, !(ranges.last == Self.maxScalar) { out.append((next, Self.maxScalar)) }
        return CharClass(ranges: out)
    }

    /// The class closed under simple case folding (what `(?i)` does to a class).
    public func caseFolded() -> CharClass {
        var extra: [(UInt32, UInt32)] = []
        for (lo, hi) in pairs {
            for c in CaseFolding.casedScalars(in: lo...hi) {
                for v in CaseFolding.orbit(of: c) { extra.append((v, v)) }
            }
        }
        return extra.isEmpty ? self : CharClass(ranges: pairs + extra)
    }

    /// A single scalar, if that is all the class holds.
    public var singleScalar: UInt32? {
        ranges.count == 2 && ranges[0] == ranges[1] ? ranges[0] : nil
    }
}
