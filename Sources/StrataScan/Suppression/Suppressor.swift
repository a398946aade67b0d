import Foundation
import StrataArtifact
import StrataCore

/// Applies the ignore file and inline comments to a scan's findings, keeping a record of
/// everything it removed and warning about entries that have expired.
public struct Suppressor: Sendable {
    public let ignoreFile: IgnoreFile?
    public let clock: any Clock
    /// Reads a scanned file's bytes by its report path, for inline comments; nil skips them.
    public let readFile: (@Sendable (String) -> [UInt8]?)?

    public init(ignoreFile: IgnoreFile?, clock: any Clock, readFile: (@Sendable (String) -> [UInt8]?)?) {
        self.ignoreFile = ignoreFile
        self.clock = clock
        self.readFile = readFile
    }

    public struct Outcome: Sendable {
        public var kept: [Finding]
        public var suppressed: [SuppressedFinding]
        public var diagnostics: [Diagnostic]
    }

    /// `known`: inline comments already parsed for some paths (`ScanRunner.Outcome.inlineComments`);
    /// the files of other findings are read through `readFile`.
    public func apply(_ findings: [Finding], known: [String: InlineSuppressions] = [:]) -> Outcome {
        let now = clock.now()
        var outcome = Outcome(kept: [], suppressed: [], diagnostics: expiredWarnings(now: now))
        let inline = inlineComments(for: findings, known: known)
        for finding in findings {
            if let entry = ignoreFile?.entries.first(where: { $0.isActive(at: now) && $0.matches(finding) }) {
                let origin = "\(ignoreFile!.path):\(entry.line)"
                outcome.suppressed.append(SuppressedFinding(finding: finding, source: .ignoreFile, reason: entry.reason, origin: origin))
                continue
            }
            if let comment = inlineComment(for: finding, in: inline, now: now) {
                let origin = "\(finding.location!.path):\(comment.line)"
                outcome.suppressed.append(SuppressedFinding(finding: finding, source: .inline, reason: comment.reason, origin: origin))
                continue
            }
            outcome.kept.append(finding)
        }
        return outcome
    }

    /// The inline comments of every file that has a finding, read and parsed in parallel: a scan
    /// with many findings otherwise spends a serial pass re-reading thousands of files.
    private func inlineComments(for findings: [Finding], known: [String: InlineSuppressions]) -> [String: InlineSuppressions] {
        guard let readFile else { return [:] }
        var seen = Set<String>()
        let paths = findings.compactMap { f -> String? in
            guard let path = f.location?.path, f.location?.startLine != nil, known[path] == nil, seen.insert(path).inserted else { return nil }
            return path
        }
        let parsed = ParallelMap.run(paths, concurrency: ProcessInfo.processInfo.activeProcessorCount) { path in
            InlineSuppressions(bytes: readFile(path) ?? [])
        }
        return known.merging(zip(paths, parsed)) { first, _ in first }
    }

    /// `inline` holds every file with a located finding (`inlineComments(for:known:)`).
    private func inlineComment(for finding: Finding, in inline: [String: InlineSuppressions], now: Date) -> InlineSuppressions.Comment? {
        guard let path = finding.location?.path, let comments = inline[path], let comment = comments.suppressor(of: finding) else { return nil }
        if let exp = comment.expires, let date = try? IgnoreFile.parseDate(Substring(exp), line: comment.line, path: path) {
            let entry = IgnoreFile.Entry(id: Glob("*"), paths: [], expires: date, reason: nil, line: comment.line)
            if !entry.isActive(at: now) { return nil }
        }
        return comment
    }

    private func expiredWarnings(now: Date) -> [Diagnostic] {
        guard let ignoreFile else { return [] }
        let expired = ignoreFile.entries.filter { !$0.isActive(at: now) }
        return ignoreFile.diagnostics + expired.map { entry in
            Diagnostic(
                level: .warning, code: .ignoreFileInvalid,
                location: SourceLocation(path: ignoreFile.path, startLine: entry.line),
                reason: "entry '\(entry.id.pattern)' expired on \(entry.expiryText ?? "?") and no longer suppresses")
        }
    }
}
