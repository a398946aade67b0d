/// Stable finding identity. It deliberately leaves out line numbers when the scanner gives a
/// content hint (the offending text, a secret's hash), so a finding keeps its fingerprint when
/// unrelated lines are added above it; without a hint the start line disambiguates.
public enum Fingerprint {
    public static let version = "v1"

    public static func of(_ f: Finding, hint: String?) -> String {
        var parts = [version, f.kind.rawValue, f.ruleID, f.target, f.location?.path ?? ""]
        parts.append(f.resource?.summary ?? "")
        if let p = f.package { parts.append("\(p.name)@\(p.installedVersion)") }
        if let hint {
            parts.append(hint)
        } else if let line = f.location?.startLine {
            parts.append("L\(line)")
        }
        return SHA256.hex(of: Array(parts.joined(separator: "\u{1F}").utf8))
    }
}
