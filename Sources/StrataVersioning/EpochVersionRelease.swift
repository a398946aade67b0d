/// The `[epoch:]version[-release]` shape Debian and RPM versions share: the epoch is the digits
/// before the first `:`, the release is what follows the last `-`. Each scheme then checks the
/// parts against its own character rules.
struct EpochVersionRelease {
    var epoch: String
    var version: Substring
    var release: Substring

    /// `releaseName` names the last part in errors (`revision` for Debian, `release` for RPM).
    init(_ text: String, scheme: String, releaseName: String) throws(VersionParseError) {
        func fail(_ code: VersionParseError.Code, _ reason: String) -> VersionParseError {
            VersionParseError(code, scheme: scheme, input: text, reason: reason)
        }
        let trimmed = text.trimmingASCIISpaces()
        guard !trimmed.isEmpty else { throw fail(.empty, "empty version") }
        var rest = Substring(trimmed)
        epoch = "0"
        if let colon = rest.firstIndex(of: ":") {
            let digits = rest[..<colon]
            guard !digits.isEmpty, digits.utf8.allSatisfy(ASCII.isDigit) else { throw fail(.invalidEpoch, "epoch is not a number") }
            epoch = String(digits)
            rest = rest[rest.index(after: colon)...]
        }
        release = ""
        if let dash = rest.lastIndex(of: "-") {
            release = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
            guard !release.isEmpty else { throw fail(.missingComponent, "empty \(releaseName)") }
        }
        version = rest
    }
}
