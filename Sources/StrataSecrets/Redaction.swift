/// Hides a secret, keeping a few leading and trailing characters so a person can recognise
/// which credential it is: `AKIA************MPLE`. Short secrets are hidden completely.
public enum Redaction {
    public static func redact(_ secret: String) -> String {
        let chars = Array(secret.filter { $0 != "\n" && $0 != "\r" })
        let keep = chars.count >= 16 ? 4 : chars.count >= 10 ? 2 : 0
        let stars = String(repeating: "*", count: max(4, min(chars.count - 2 * keep, 12)))
        return String(chars.prefix(keep)) + stars + String(chars.suffix(keep))
    }
}
