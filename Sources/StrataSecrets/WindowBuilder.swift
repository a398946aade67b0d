import Foundation

/// Collects the byte windows one rule must look at, merging neighbours up to a size cap so that a
/// dense file becomes a few large windows rather than many overlapping small ones, and a huge
/// single-line file never becomes one unbounded regex input. Keyword hits arrive in increasing
/// order, so extending the current window resumes where the last look stopped: the work over a
/// file is linear in its size plus the radius per started window.
///
/// A builder holds only its open window (no arrays), and closed windows go to the file's
/// `WindowSink`, shared by all rules: the engine keeps one builder per rule of a file and
/// touches one on every keyword hit, and a builder holding arrays was copied (its buffers
/// retained and released, most of them the empty-array singleton every thread shares) around
/// each such call.
struct WindowBuilder {
    static let cap = 64 << 10
    private var current: Range<Int>?
    /// Where the open window's first keyword hit ends, or 0 when the window overlaps the one
    /// before it (only when merging them would pass `cap`). Hits arrive by end offset, so every
    /// hit of a window that overlaps no earlier one starts at least this minus the longest
    /// keyword's length: a rule whose matches all begin with a keyword cannot match in the
    /// bytes before that.
    private var currentLeadEnd = 0

    /// Whether a hit at `k` would add nothing: it lies inside the current window, which already runs
    /// to the end of its line (`addHit`'s first early return, the common case on a line with several
    /// keywords), checked inline by the caller to save the call.
    @inline(__always) func covers(_ p: UnsafeBufferPointer<UInt8>, _ k: Range<Int>, multiline: Bool) -> Bool {
        guard !multiline, let cur = current else { return false }
        return k.lowerBound >= cur.lowerBound && k.upperBound <= cur.upperBound && cur.upperBound < p.count && p[cur.upperBound] == 0x0A
    }

    /// Adds the window of a keyword at `k`: `radius` bytes each side, stopping at line ends
    /// unless `multiline`, on UTF-8 sequence boundaries. A window it closes goes to `sink`
    /// under `owner` (the builder's index in the engine's list).
    mutating func addHit(_ p: UnsafeBufferPointer<UInt8>, _ k: Range<Int>, radius: Int, multiline: Bool,
                         owner: Int, into sink: inout WindowSink) {
        let n = p.count
        if let cur = current, k.lowerBound <= cur.upperBound, k.lowerBound >= cur.lowerBound {
            let limit = min(n, k.upperBound + radius)
            if !multiline, cur.upperBound < n, cur.upperBound >= k.upperBound, p[cur.upperBound] == 0x0A { return }
            var hi = max(cur.upperBound, k.upperBound)
            hi = multiline ? max(hi, limit) : WindowBuilder.lineEnd(p, from: hi, limit: limit)
            while hi < n, hi > k.upperBound, p[hi] & 0xC0 == 0x80 { hi -= 1 }
            if hi - cur.lowerBound <= WindowBuilder.cap {
                if hi > cur.upperBound { current = cur.lowerBound..<hi }
                return
            }
        }
        add(WindowBuilder.window(p, around: k, radius: radius, multiline: multiline), hitEnd: k.upperBound, owner: owner, into: &sink)
    }

    /// `hitEnd`: where the keyword that made `w` ends (kept when `w` starts a window).
    private mutating func add(_ w: Range<Int>, hitEnd: Int, owner: Int, into sink: inout WindowSink) {
        if let cur = current, w.lowerBound <= cur.upperBound, max(cur.upperBound, w.upperBound) - cur.lowerBound <= WindowBuilder.cap {
            current = cur.lowerBound..<max(cur.upperBound, w.upperBound)
            return
        }
        if let cur = current { sink.append(owner: owner, cur, leadEnd: currentLeadEnd) }
        currentLeadEnd = current.map { w.lowerBound < $0.upperBound } == true ? 0 : hitEnd
        current = w
    }

    /// Closes the open window into `sink`.
    mutating func finish(owner: Int, into sink: inout WindowSink) {
        if let cur = current { sink.append(owner: owner, cur, leadEnd: currentLeadEnd) }
        current = nil
    }

    static func window(_ p: UnsafeBufferPointer<UInt8>, around k: Range<Int>, radius: Int, multiline: Bool) -> Range<Int> {
        let n = p.count
        var lo = max(0, k.lowerBound - radius)
        var hi = min(n, k.upperBound + radius)
        if !multiline {
            var i = k.lowerBound
            while i > lo, p[i - 1] != 0x0A { i -= 1 }
            lo = i
            hi = lineEnd(p, from: k.upperBound, limit: hi)
        }
        while lo < k.lowerBound, p[lo] & 0xC0 == 0x80 { lo += 1 }
        while hi < n, hi > k.upperBound, p[hi] & 0xC0 == 0x80 { hi -= 1 }
        return lo..<hi
    }

    /// The offset of the first newline in `p[from..<limit]`, `limit` when there is none, `from`
    /// when the range is empty. `memchr` reads many bytes per step: in a minified bundle every
    /// hit extends its window by up to `radius` bytes of one line.
    @inline(__always) static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
        guard from < limit, let base = p.baseAddress else { return from }
        guard let nl = memchr(base + from, 0x0A, limit - from) else { return limit }
        return UnsafeRawPointer(nl) - UnsafeRawPointer(base)
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

/// The closed windows of every rule of one file, in the order they were closed (each builder's
/// in increasing order), with each window's lead offset (`WindowBuilder.currentLeadEnd`). Windows
/// are filed under their builder's index, so grouping them needs no lookup by rule.
struct WindowSink {
    private(set) var owners: [Int32] = []
    private(set) var windows: [Range<Int>] = []
    private(set) var leadEnds: [Int] = []

    mutating func append(owner: Int, _ w: Range<Int>, leadEnd: Int) {
        owners.append(Int32(owner))
        windows.append(w)
        leadEnds.append(leadEnd)
    }

    /// Each owner's windows and lead offsets, in order, for owners `0..<count`.
    func byOwner(count: Int) -> [(windows: [Range<Int>], leadEnds: [Int])] {
        var out = [(windows: [Range<Int>], leadEnds: [Int])](repeating: ([], []), count: count)
        for i in owners.indices {
            out[Int(owners[i])].windows.append(windows[i])
            out[Int(owners[i])].leadEnds.append(leadEnds[i])
        }
        return out
    }
}
