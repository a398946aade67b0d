/// Explicit bounds every parser respects, so hostile input ends in a diagnostic, not a hang.
public struct ParseLimits: Sendable, Hashable {
    /// Larger inputs are refused with `file-too-large`.
    public var maxBytes: Int
    /// Deeper JSON/TOML/YAML nesting is refused with `depth-limit`.
    public var maxDepth: Int
    /// At most this many packages are read from one file; the rest are reported.
    public var maxPackages: Int

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 128, maxPackages: Int = 200_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxPackages = maxPackages
    }

    public static let standard = ParseLimits()
}
