import _StrataTestSupport
import Testing
@testable import StrataSecrets

/// `WindowBuilder.lineEnd` (memchr) against a byte loop, and the windows built from seeded hits
/// against the same construction with byte loops (the builder before `lineEnd`).
@Suite struct WindowBuilderTests {
    @Test(arguments: [("abc\ndef", 0, 7, 3), ("abc\ndef", 3, 7, 3), ("abc\ndef", 4, 7, 7), ("abc\ndef", 0, 2, 2),
                      ("abc", 2, 2, 2), ("abc", 3, 1, 3), ("", 0, 0, 0), ("\n\n", 1, 2, 1)])
    func lineEnd(_ text: String, _ from: Int, _ limit: Int, _ want: Int) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { WindowBuilder.lineEnd($0, from: from, limit: limit) } == want)
    }

    @Test(arguments: [(1, false, 64), (2, true, 64), (3, false, 512), (4, false, 5000), (5, true, 900)])
    func windowsAgreeWithByteLoops(_ seed: Int, _ multiline: Bool, _ radius: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let pool = Array("token= ab\n\u{e9}x".utf8)
        let bytes = (0..<200_000).map { _ in rng.next() % 50 == 0 ? 0x0A : pool[Int(rng.next() % UInt64(pool.count))] }
        var hits: [Range<Int>] = []
        var at = 0
        while true {
            at += 1 + Int(rng.next() % 300)
            if at + 5 > bytes.count { break }
            hits.append(at..<(at + 5))
        }
        bytes.withUnsafeBufferPointer { p in
            var b = WindowBuilder(), r = Reference(), sink = WindowSink()
            var covered = 0
            for k in hits {
                // As the engine calls it: `covers` first, and a covered hit must change nothing.
                if b.covers(p, k, multiline: multiline) {
                    covered += 1
                    var probe = b, unchanged = b, probeSink = sink, unchangedSink = sink
                    probe.addHit(p, k, radius: radius, multiline: multiline, owner: 0, into: &probeSink)
                    probe.finish(owner: 0, into: &probeSink)
                    unchanged.finish(owner: 0, into: &unchangedSink)
                    #expect(probeSink.windows == unchangedSink.windows)
                } else {
                    b.addHit(p, k, radius: radius, multiline: multiline, owner: 0, into: &sink)
                }
                r.addHit(p, k, radius: radius, multiline: multiline)
            }
            #expect(multiline ? covered == 0 : covered > 0)
            b.finish(owner: 0, into: &sink)
            let got = sink.windows, want = r.finish()
            #expect(got.count > (multiline ? 2 : 10))
            #expect(got == want)
            // The lead offset: 0 exactly when a window overlaps the one before; otherwise no hit
            // inside the window ends before it (what lets keyword-led rules skip the bytes before).
            for (i, w) in got.enumerated() {
                let overlaps = i > 0 && w.lowerBound < got[i - 1].upperBound
                #expect((sink.leadEnds[i] == 0) == overlaps, "window \(i)")
                if !overlaps {
                    let inside = hits.filter { $0.lowerBound >= w.lowerBound && $0.upperBound <= w.upperBound }
                    #expect(inside.first?.upperBound == sink.leadEnds[i], "window \(i)")
                }
            }
        }
    }

    /// Windows of builders closed in interleaved order come back per builder, in order.
    @Test func sinkGroupsWindowsByOwner() {
        var sink = WindowSink()
        for (owner, lo) in [(0, 0), (1, 5), (0, 10), (2, 12), (1, 20), (0, 30)] { sink.append(owner: owner, lo..<(lo + 2), leadEnd: lo + 1) }
        let groups = sink.byOwner(count: 4)
        #expect(groups.count == 4)
        #expect(groups.map { $0.windows.map(\.lowerBound) } == [[0, 10, 30], [5, 20], [12], []])
        #expect(groups.map { $0.leadEnds } == [[1, 11, 31], [6, 21], [13], []])
    }

    /// `LineIndex` (newlines found with `lineEnd`) against counting newlines byte by byte.
    @Test(arguments: ["", "a", "\n", "\n\n", "a\nbc\n\ndef", "abc\n", String(repeating: "x\n", count: 300)])
    func lineIndexAgreesWithCounting(_ text: String) {
        let bytes = Array(text.utf8), index = LineIndex(bytes)
        for offset in 0...bytes.count {
            let before = bytes[..<offset].filter { $0 == 0x0A }.count
            let start = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            #expect(index.line(of: offset) == before + 1)
            #expect(index.lineStart(of: offset) == start)
            #expect(index.lineEnd(of: offset, count: bytes.count) == (bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count))
        }
    }

    /// The builder as it was, newline searches byte by byte.
    struct Reference {
        var windows: [Range<Int>] = []
        var current: Range<Int>?

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
            add(Reference.window(p, around: k, radius: radius, multiline: multiline))
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
    }
}
