/// Newline offsets of a buffer, for turning byte offsets into 1-based lines and columns.
struct LineIndex {
    private let newlines: [Int]

    /// Found with `memchr`, which reads many bytes per step.
    init(_ bytes: [UInt8]) {
        var nl: [Int] = []
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                i = WindowBuilder.lineEnd(p, from: i, limit: p.count)
                if i < p.count { nl.append(i) }
                i += 1
            }
        }
        newlines = nl
    }

    /// Number of newlines before `offset`.
    private func newlinesBefore(_ offset: Int) -> Int {
        var lo = 0, hi = newlines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if newlines[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func line(of offset: Int) -> Int { newlinesBefore(offset) + 1 }

    /// 1-based byte column.
    func column(of offset: Int) -> Int {
        let k = newlinesBefore(offset)
        return offset - (k == 0 ? 0 : newlines[k - 1] + 1) + 1
    }

    func lineStart(of offset: Int) -> Int {
        let k = newlinesBefore(offset)
        return k == 0 ? 0 : newlines[k - 1] + 1
    }

    func lineEnd(of offset: Int, count: Int) -> Int {
        let k = newlinesBefore(offset)
        return k < newlines.count ? newlines[k] : count
    }
}
