/// Collects the byte windows one rule must look at, merging neighbours up to a size cap so that a
/// dense file becomes a few large windows rather than many overlapping small ones, and a huge
/// single-line file never becomes one unbounded regex input. Keyword hits arrive in increasing
/// order, so extending the current window resumes where the last look stopped: the work over a
/// file is linear in its size plus the radius per started window.
struct WindowBuilder {
    static let cap = 64 << 10
    private(set) var windows: [Range<Int>] = []
    private var current: Range<Int>?

    /// Adds the window of a keyword at `k`: `radius` bytes each side, stopping at line ends
    /// unless `multiline`, on UTF-8 sequence boundaries.
    mutating func addHit(_ p: UnsafeBufferPointer<UInt8>, _ k: Range<Int>, radius: Int, multiline: Bool) {
        let n = p.count
        if let cur = current, k.lowerBound <= cur.upperBound, k.lowerBound >= cur.lowerBound {
            let limit = min(n, k.upperBound + radius)
            if !multiline, cur.upperBound < n, cur.upperBound >= k.upperBound, p[cur.upperBound] == 0x0A { return }
            var hi = max(cur.upperBound, k.upperBound)
            while hi < limit, multiline || p[hi] != 0x0A { hi += 1 }
            while hi < n, hi > k.upperBound, p[hi] & 0xC0 == 0x80 { hi -= 1 }
            if hi - cur.lowerBound <= WindowBuilder.cap {
                if hi > cur.upperBound { current = cur.lowerBound..<hi }
                return
            }
        }
        add(WindowBuilder.window(p, around: k, radius: radius, multiline: multiline))
    }

    mutating func add(_ w: Range<Int>) {
        if let cur = current, w.lowerBound <= cur.upperBound, max(cur.upperBound, w.upperBound) - cur.lowerBound <= WindowBuilder.cap {
            current = cur.lowerBound..<max(cur.upperBound, w.upperBound)
            return
        }
        if let cur = current { windows.append(cur) }
        current = w
    }

    mutating func finish() -> [Range<Int>] {
        if let cur = current { windows.append(cur) }
        current = nil
        return windows
    }

    static func window(_ p: UnsafeBufferPointer<UInt8>, around k: Range<Int>, radius: Int, multiline: Bool) -> Range<Int> {
        let n = p.count
        var lo = max(0, k.lowerBound - radius)
        var hi = min(n, k.upperBound + radius)
        if !multiline {
            var i = k.lowerBound
            while i > lo, p[i - 1] != 0x0A { i -= 1 }
            lo = i
            var j = k.upperBound
            while j < hi, p[j] != 0x0A { j += 1 }
            hi = j
        }
        while lo < k.lowerBound, p[lo] & 0xC0 == 0x80 { lo += 1 }
        while hi < n, hi > k.upperBound, p[hi] & 0xC0 == 0x80 { hi -= 1 }
        return lo..<hi
    }

    /// Fixed-size overlapping chunks over a whole buffer, for rules without keywords.
    static func chunks(count: Int, overlap: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < count {
            let end = min(count, start + cap)
            out.append(start..<end)
            if end == count { break }
            start = end - overlap
        }
        return out
    }
}
