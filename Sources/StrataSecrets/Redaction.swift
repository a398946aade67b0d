/// Hides a secret, keeping a few leading and trailing characters so a person can recognise
/// which credential it is: `AKIA************MPLE`. Short secrets are hidden completely.
public enum Redaction {
    public static func redact(_ secret: String) -> String {
        // ASCII without `\r`: characters are bytes (no `\r\n` grapheme), so the same answer without
        // grapheme breaking, which every finding pays for.
        if secret.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let bytes = secret.utf8.filter { $0 != 0x0A }
            let keep = bytes.count >= 16 ? 4 : bytes.count >= 10 ? 2 : 0
            let stars = [UInt8](repeating: 0x2A, count: max(4, min(bytes.count - 2 * keep, 12)))
            return String(decoding: bytes.prefix(keep) + stars + bytes.suffix(keep), as: UTF8.self)
        }
        return redactByCharacter(secret)
    }

    /// The general form (and the fast path's reference in tests).
    static func redactByCharacter(_ secret: String) -> String {
        let chars = Array(secret.filter { $0 != "\n" && $0 != "\r" })
        let keep = chars.count >= 16 ? 4 : chars.count >= 10 ? 2 : 0
        let stars = String(repeating: "*", count: max(4, min(chars.count - 2 * keep, 12)))
        return String(chars.prefix(keep)) + stars + String(chars.suffix(keep))
    }
}
