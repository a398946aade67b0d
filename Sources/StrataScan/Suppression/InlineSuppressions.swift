import Foundation
import StrataArtifact
import StrataCore

/// `# strata:ignore:ID[,ID…] [exp:YYYY-MM-DD] [reason]` comments (also after `//`, as in HCL).
/// A comment suppresses matching findings that start on the next line (a comment above a
/// resource or instruction), on its own line (a trailing comment), or whose range contains it
/// (a comment inside the block). The id may be a glob (`STRATA-K8S-*`) or `*`.
public struct InlineSuppressions: Sendable {
    public struct Comment: Sendable, Hashable {
        public var ids: [String]
        public var line: Int
        public var expires: String?
        public var reason: String?
    }

    public let comments: [Comment]
    static let marker = Array("strata:ignore:".utf8)

    public init(bytes: [UInt8]) {
        var comments: [Comment] = []
        var line = 1, counted = 0  // newlines in bytes[..<counted], plus one
        var at = InlineSuppressions.nextMarker(in: bytes, from: 0)
        // Only lines holding the marker are parsed; most files have none, and finding that out is
        // one byte search over the file rather than a parse per line.
        while let m = at {
            var start = m
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            var end = m
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            for i in counted..<start where bytes[i] == 0x0A { line += 1 }
            counted = start
            if let c = InlineSuppressions.parse(bytes[start..<end], line: line) { comments.append(c) }
            at = InlineSuppressions.nextMarker(in: bytes, from: end)
        }
        self.comments = comments
    }

    /// The offset of the next `strata:ignore:` at or after `from`. Sixteen candidate positions
    /// at a time: a position is looked at only when the bytes where the marker has its `g` and
    /// its last `:` both agree (rare together in any text), which a pair of 16-byte compares
    /// tells; a Horspool search, moving by about the marker's length per probe, was 4× slower.
    static func nextMarker(in bytes: [UInt8], from: Int) -> Int? {
        let n = marker.count
        guard from >= 0, from + n <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { p -> Int? in
            marker.withUnsafeBufferPointer { m -> Int? in
                let base = UnsafeRawPointer(p.baseAddress!), mark = m.baseAddress!
                let g = SIMD16<UInt8>(repeating: m[8]), colon = SIMD16<UInt8>(repeating: m[n - 1])
                var i = from
                while i + n - 1 + 16 <= p.count {
                    let hits = (base.loadUnaligned(fromByteOffset: i + 8, as: SIMD16<UInt8>.self) .== g)
                        .& (base.loadUnaligned(fromByteOffset: i + n - 1, as: SIMD16<UInt8>.self) .== colon)
                    if any(hits) {
                        for j in 0..<16 where hits[j] && memcmp(base + i + j, mark, n) == 0 { return i + j }
                    }
                    i += 16
                }
                while i + n <= p.count {
                    if memcmp(base + i, mark, n) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    static func parse(_ line: ArraySlice<UInt8>, line number: Int) -> Comment? {
        guard let at = find(marker, in: line) else { return nil }
        let before = line[line.startIndex..<at]
        guard before.contains(UInt8(ascii: "#")) || find(Array("//".utf8), in: before) != nil else { return nil }
        let rest = String(decoding: line[(at + marker.count)...], as: UTF8.self)
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard let idWord = words.first else { return nil }
        var expires: String?
        var reasonWords: [Substring] = []
        for w in words.dropFirst() {
            if w.hasPrefix("exp:") { expires = String(w.dropFirst(4)) } else { reasonWords.append(w) }
        }
        let ids = idWord.split(separator: ",").map(String.init)
        let reason = reasonWords.isEmpty ? nil : reasonWords.joined(separator: " ")
        return Comment(ids: ids, line: number, expires: expires, reason: reason)
    }

    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        while i <= hay.endIndex - needle.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The comment that suppresses `finding`, if any.
    public func suppressor(of finding: Finding) -> Comment? {
        guard let start = finding.location?.startLine else { return nil }
        let end = finding.location?.endLine ?? start
        return comments.first { c in
            let placed = c.line == start - 1 || (start...max(start, end)).contains(c.line)
            return placed && c.ids.contains { id in
                let glob = StrataArtifact.Glob(id)
                return glob.matches(finding.ruleID) || finding.aliases.contains { glob.matches($0) }
            }
        }
    }
}
