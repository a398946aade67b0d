/// What the filesystem walker skips and how far it goes.
public struct WalkOptions: Sendable {
    /// Directory globs relative to the root (`node_modules`, `**/testdata`); a bare name matches at any depth.
    public var skipDirs: [Glob]
    /// File globs relative to the root (`**/*.min.js`); a bare name matches at any depth.
    public var skipFiles: [Glob]
    /// Honour `.gitignore` files found in the tree (and `.git/info/exclude`).
    public var respectGitignore: Bool
    /// Files larger than this are reported as a diagnostic and not read.
    public var maxFileSize: Int64
    /// Directory names never entered (version control internals).
    public var alwaysSkippedNames: Set<String>
    /// Resolve absolute symlink targets inside the root, as the system whose root filesystem
    /// this is would (`/usr/bin/mawk` in an unpacked image means `<root>/usr/bin/mawk`).
    public var absoluteLinksWithinRoot = false

    public static let defaultMaxFileSize: Int64 = 64 << 20

    public init(
        skipDirs: [String] = [], skipFiles: [String] = [], respectGitignore: Bool = false,
        maxFileSize: Int64 = WalkOptions.defaultMaxFileSize,
        alwaysSkippedNames: Set<String> = [".git", ".hg", ".svn"]
    ) {
        self.skipDirs = skipDirs.map(WalkOptions.rooted)
        self.skipFiles = skipFiles.map(WalkOptions.rooted)
        self.respectGitignore = respectGitignore
        self.maxFileSize = maxFileSize
        self.alwaysSkippedNames = alwaysSkippedNames
    }

    /// The walk of a whole system's root (`strata rootfs`, a squashed image): the kernel's
    /// pseudo-filesystems are skipped and absolute symlinks resolve inside the root.
    public mutating func walkAsRootFilesystem() {
        guard !absoluteLinksWithinRoot else { return }  // already a root walk: add the skips once
        skipDirs += ["proc", "sys", "dev", "run"].map { Glob($0) }
        absoluteLinksWithinRoot = true
    }

    /// `vendor` means `**/vendor`; `./a/b` and `/a/b` mean `a/b` from the root.
    public static func rootedGlob(_ pattern: String) -> Glob { rooted(pattern) }

    static func rooted(_ pattern: String) -> Glob {
        var p = Substring(pattern)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        if p.hasPrefix("/") { p = p.dropFirst() }
        if p.hasSuffix("/") { p = p.dropLast() }
        return Glob(p.contains("/") || p.hasPrefix("**") ? String(p) : "**/" + p)
    }
}
