import StrataCore

/// A regular file found by the walker.
public struct WalkedFile: Sendable, Hashable {
    /// Path relative to the root, `/`-separated; invalid UTF-8 bytes shown as U+FFFD.
    public let path: String
    /// The bytes of the absolute path to open, which may not be valid UTF-8 (or, for a
    /// symlink inside the root, the path of its target).
    public let openPath: [UInt8]
    public let size: Int64

    public init(path: String, openPath: [UInt8], size: Int64) {
        self.path = path
        self.openPath = openPath
        self.size = size
    }

    /// The file name, the last path component.
    public var name: Substring {
        guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
        return path[path.index(after: slash)...]
    }
}

/// Everything the walker found: files in deterministic (byte-wise sorted) order plus what it
/// could not look at.
public struct WalkResult: Sendable {
    public var files: [WalkedFile]
    public var diagnostics: [StrataCore.Diagnostic]

    public init(files: [WalkedFile] = [], diagnostics: [StrataCore.Diagnostic] = []) {
        self.files = files
        self.diagnostics = diagnostics
    }
}
