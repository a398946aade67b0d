import StrataArtifact

/// Which files an analyzer wants and how it reads them. The parse function is pure: bytes and
/// the path (relative to the scan root, `/`-separated) in, inventory out.
public struct Analyzer: Sendable {
    /// Stable kebab-case id, never reused (`dpkg-status`, `npm-package-lock`).
    public let id: String
    /// OSV ecosystem of the packages it yields; `nil` for os-release.
    public let ecosystem: String?
    /// Paths it reads, as globs over the scan-relative path (`**/go.mod`).
    public let patterns: [Glob]
    /// Paths it does not read even if a pattern matches (`**/*.md5sums`).
    public let exclusions: [Glob]
    private let parser: @Sendable ([UInt8], String) -> Inventory

    public init(
        id: String, ecosystem: String?, patterns: [String], exclusions: [String] = [],
        parse: @escaping @Sendable ([UInt8], String) -> Inventory
    ) {
        self.id = id
        self.ecosystem = ecosystem
        self.patterns = patterns.map(Glob.init)
        self.exclusions = exclusions.map(Glob.init)
        self.parser = parse
    }

    public func matches(path: String) -> Bool {
        patterns.contains { $0.matches(path) } && !exclusions.contains { $0.matches(path) }
    }

    public func parse(bytes: [UInt8], path: String) -> Inventory {
        parser(bytes, path)
    }
}
