import Foundation
import StrataArtifact
import StrataCore

/// `.strataignore`: one suppression per line.
///
///     # comment
///     CVE-2024-1234                                   # any finding with this id or alias
///     STRATA-K8S-* path:deploy/**/*.yaml exp:2027-01-31 # reason: accepted until the migration
///     3f2a…(64 hex)                                   # one finding, by fingerprint
///
/// An entry past its `exp:` date no longer suppresses, and the scan says so.
public struct IgnoreFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: Glob
        public var paths: [Glob]
        public var expires: DateComponents?
        public var reason: String?
        public var line: Int
    }

    public let path: String
    public let entries: [Entry]
    public let diagnostics: [Diagnostic]

    public init(path: String, text: String) {
        self.path = path
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            do {
                if let entry = try IgnoreFile.parse(Substring(raw), line: index + 1, path: path) { entries.append(entry) }
            } catch {
                diagnostics.append(Diagnostic(error, path: path))
            }
        }
        self.entries = entries
        self.diagnostics = diagnostics
    }

    static func parse(_ raw: Substring, line: Int, path: String) throws(StrataError) -> Entry? {
        var body = raw
        var reason: String?
        if let hash = raw.firstIndex(of: "#") {
            body = raw[..<hash]
            let text = raw[raw.index(after: hash)...].trimmingCharacters(in: .whitespaces)
            reason = text.isEmpty ? nil : text
        }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return nil }
        var entry = Entry(id: Glob(String(first)), paths: [], expires: nil, reason: reason, line: line)
        for word in words.dropFirst() {
            if word.hasPrefix("path:") {
                entry.paths.append(WalkOptions.rootedGlob(String(word.dropFirst(5))))
            } else if word.hasPrefix("exp:") {
                entry.expires = try parseDate(word.dropFirst(4), line: line, path: path)
            } else {
                throw StrataError(.ignoreFileInvalid, "unexpected '\(word)': expected path:GLOB or exp:YYYY-MM-DD", at: SourceLocation(path: path, startLine: line))
            }
        }
        return entry
    }

    static func parseDate(_ text: Substring, line: Int, path: String) throws(StrataError) -> DateComponents {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            throw StrataError(.ignoreFileInvalid, "invalid expiry '\(text)': expected exp:YYYY-MM-DD", at: SourceLocation(path: path, startLine: line))
        }
        return DateComponents(year: parts[0], month: parts[1], day: parts[2])
    }
}

extension IgnoreFile.Entry {
    /// True while `now` is on or before the expiry day (UTC), or when there is no expiry.
    public func isActive(at now: Date) -> Bool {
        guard let expires else { return true }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let today = utc.dateComponents([.year, .month, .day], from: now)
        let a = (today.year ?? 0, today.month ?? 0, today.day ?? 0)
        let b = (expires.year ?? 0, expires.month ?? 0, expires.day ?? 0)
        return a <= b
    }

    public var expiryText: String? {
        guard let e = expires, let y = e.year, let m = e.month, let d = e.day else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    func matches(_ finding: Finding) -> Bool {
        let idMatches = id.matches(finding.ruleID) || finding.aliases.contains { id.matches($0) } || id.pattern == finding.fingerprint
        guard idMatches else { return false }
        guard !paths.isEmpty else { return true }
        let path = finding.location?.path ?? finding.target
        return paths.contains { $0.matches(path) }
    }
}
