import StrataCore

/// Bounds on what one import may read, so a zip bomb or a runaway file ends in a diagnostic.
public struct ImportLimits: Sendable {
    /// Largest single advisory document after decompression.
    public var maxEntryBytes: Int
    /// Largest total of decompressed bytes from one archive.
    public var maxArchiveBytes: Int
    /// Largest plain (non-archive) feed file.
    public var maxFeedBytes: Int

    public init(maxEntryBytes: Int = 16 << 20, maxArchiveBytes: Int = 8 << 30, maxFeedBytes: Int = 512 << 20) {
        self.maxEntryBytes = maxEntryBytes
        self.maxArchiveBytes = maxArchiveBytes
        self.maxFeedBytes = maxFeedBytes
    }
}

/// What one import did.
public struct ImportSummary: Sendable {
    public var source: String
    public var kind: String
    public var records: Int
    public var withdrawn: Int
    public var diagnostics: [StrataCore.Diagnostic]
}
