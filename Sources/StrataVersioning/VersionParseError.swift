/// A version string that a scheme cannot parse. Reported, never guessed.
///
/// Tests assert ``code``, which is stable; ``reason`` is for people.
public struct VersionParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable, kebab-case error codes.
    public enum Code: String, Sendable, CaseIterable {
        /// The string is empty (after the trimming the scheme allows).
        case empty = "version-empty"
        /// A character the scheme does not allow.
        case invalidCharacter = "version-invalid-character"
        /// The epoch is not a non-negative decimal number.
        case invalidEpoch = "version-invalid-epoch"
        /// A part that must be present is missing or empty (upstream, release, revision…).
        case missingComponent = "version-missing-component"
        /// A numeric identifier has a leading zero where the scheme forbids it.
        case leadingZero = "version-leading-zero"
        /// The string does not match the scheme's grammar.
        case invalidFormat = "version-invalid-format"
        /// Valid for the ecosystem but not orderable (e.g. a Composer branch name).
        case notOrderable = "version-not-orderable"
    }

    public let code: Code
    /// The scheme id (``VersionScheme/id``) that rejected the input.
    public let scheme: String
    public let input: String
    public let reason: String

    public init(_ code: Code, scheme: String, input: String, reason: String) {
        self.code = code
        self.scheme = scheme
        self.input = input
        self.reason = reason
    }

    public var description: String { "\(scheme): \(code.rawValue): \(reason) in \"\(input)\"" }
}
