/// One secret found in a buffer: byte offsets of the secret and of the whole match.
public struct SecretMatch: Sendable, Hashable {
    public let ruleIndex: Int
    public let ruleID: String
    public let secret: String
    public let secretRange: Range<Int>
    public let matchRange: Range<Int>
}

/// What the engine made of one buffer.
public struct EngineResult: Sendable {
    public enum Skip: Sendable, Equatable { case binary, allowlistedPath }
    public var matches: [SecretMatch]
    public var skipped: Skip?
    /// The bytes the offsets refer to (invalid UTF-8 replaced by `?`).
    public var text: [UInt8]
    /// Matches beyond `SecretEngine.maxMatchesPerFile` were dropped.
    public var truncated = false

    public static func skipped(_ why: Skip) -> EngineResult { EngineResult(matches: [], skipped: why, text: []) }
}
