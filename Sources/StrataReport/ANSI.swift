import StrataCore

/// Terminal colours for the table, applied only when `RenderOptions.color` is set.
enum ANSI {
    static func paint(_ text: String, _ severity: Severity, enabled: Bool) -> String {
        guard enabled else { return text }
        let code = switch severity {
        case .critical: "1;31"
        case .high: "31"
        case .medium: "33"
        case .low: "34"
        case .unknown: "37"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    static func bold(_ text: String, enabled: Bool) -> String {
        enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
