import StrataCore
import StrataArtifact

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
        var line = 1
        var start = 0
        // Scan line by line over bytes: cheap for files without the marker.
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            if let c = InlineSuppressions.parse(bytes[start..<i], line: line) { comments.append(c) }
            line += 1
            start = i + 1
        }
        self.comments = comments
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
