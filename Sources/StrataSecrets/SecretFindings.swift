import Foundation
import StrataCore

/// Turns engine matches into findings: location, a redacted excerpt of the line, and a
/// fingerprint hint from the rule id and the secret so it survives lines moving.
public struct SecretFindings: Sendable {
    /// Bytes of context shown on each side of the secret.
    public static let context = 40
    public static let defaultRemediation =
        "Revoke and rotate this credential, remove it from the file (and from git history), and load it at run time from a secret manager or the environment."

    public let ruleSet: RuleSet

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// `target` is what the report groups by (the path, or `git:<commit>:<path>`); `path` goes in
    /// the location; `origin` is prepended to the message (a commit and date).
    public func findings(_ result: EngineResult, target: String, path: String, origin: String? = nil) -> [Finding] {
        guard !result.matches.isEmpty else { return [] }
        let lines = LineIndex(result.text)
        return result.matches.map { m in
            let rule = ruleSet.rules[m.ruleIndex].spec
            let start = m.secretRange.lowerBound
            let line = lines.line(of: start)
            let endLine = lines.line(of: max(start, m.secretRange.upperBound - 1))
            let excerpt = self.excerpt(m, result, lines)
            let place = origin.map { "\($0): " } ?? ""
            return Finding(
                kind: .secret, ruleID: rule.id, title: rule.title, severity: rule.severity, target: target,
                location: SourceLocation(path: path, startLine: line, endLine: endLine, startColumn: lines.column(of: start)),
                message: "\(place)\(rule.title) found: \(excerpt)",
                remediation: rule.remediation ?? SecretFindings.defaultRemediation, references: rule.references,
                fingerprintHint: SecretFindings.fingerprintHint(ruleID: rule.id, secret: m.secret))
        }
    }

    public static func fingerprintHint(ruleID: String, secret: String) -> String {
        "secret:" + SHA256.hex(of: Array((ruleID + "\u{1F}" + secret).utf8))
    }

    /// The line around the secret with this secret and every other found secret masked.
    func excerpt(_ m: SecretMatch, _ result: EngineResult, _ lines: LineIndex) -> String {
        let text = result.text
        let s = m.secretRange
        let lineStart = lines.lineStart(of: s.lowerBound)
        let lo = max(lineStart, s.lowerBound - SecretFindings.context)
        let lineEnd = lines.lineEnd(of: s.lowerBound, count: text.count)
        let secretEndsOnLine = s.upperBound <= lineEnd
        let hi = secretEndsOnLine ? min(lineEnd, s.upperBound + SecretFindings.context) : s.upperBound
        let before = masked(lo..<s.lowerBound, result)
        let after = secretEndsOnLine ? masked(s.upperBound..<hi, result) : ""
        let lead = lo > lineStart ? "…" : "", tail = secretEndsOnLine && hi < lineEnd ? "…" : ""
        let body = lead + before + Redaction.redact(m.secret) + after + tail
        return SecretFindings.trimmingSpaces(body)
    }

    /// `trimmingCharacters(in: .whitespaces)`, with the Foundation bridge (which every finding's
    /// excerpt paid for) only when an end is not ASCII: in ASCII that set is just space and tab.
    static func trimmingSpaces(_ text: String) -> String {
        let u = Array(text.utf8)
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 { lo += 1 }
        while hi > lo, u[hi - 1] == 0x20 || u[hi - 1] == 0x09 { hi -= 1 }
        if lo == hi { return "" }
        if u[lo] < 0x80, u[hi - 1] < 0x80 { return String(decoding: u[lo..<hi], as: UTF8.self) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Context bytes with any byte inside a found secret replaced by `*`, and controls by spaces.
    func masked(_ r: Range<Int>, _ result: EngineResult) -> String {
        guard !r.isEmpty else { return "" }
        var bytes = Array(result.text[r])
        for other in result.matches where other.secretRange.overlaps(r) {
            for i in other.secretRange.clamped(to: r) { bytes[i - r.lowerBound] = 0x2A }
        }
        for i in bytes.indices where bytes[i] < 0x20 { bytes[i] = 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
