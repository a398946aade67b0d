/// Errors as values: a stable code that tests and users can match on, a location when the
/// problem is in a file, and a human reason.
public struct StrataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable, kebab-case codes. Never reuse or rename one; add new ones.
    public enum Code: String, Sendable, Codable, CaseIterable {
        case usage = "usage"
        case fileNotFound = "file-not-found"
        case fileUnreadable = "file-unreadable"
        case fileTooLarge = "file-too-large"
        case notADirectory = "not-a-directory"
        case symlinkEscape = "symlink-escape"
        case symlinkLoop = "symlink-loop"
        case invalidUTF8Name = "invalid-utf8-name"
        case parseError = "parse-error"
        case yamlAliasLimit = "yaml-alias-limit"
        case depthLimit = "depth-limit"
        case configInvalid = "config-invalid"
        case ignoreFileInvalid = "ignorefile-invalid"
        case reportInvalid = "report-invalid"
        case unknownFormat = "unknown-format"
        case unknownScanner = "unknown-scanner"
        case notAvailable = "not-available"
        case io = "io"
        case pathTraversal = "path-traversal"
        case digestMismatch = "digest-mismatch"
    }

    public var code: Code
    public var location: SourceLocation?
    public var reason: String

    public init(_ code: Code, _ reason: String, at location: SourceLocation? = nil) {
        self.code = code
        self.reason = reason
        self.location = location
    }

    public var description: String {
        if let location { return "\(location.description): \(reason)" }
        return reason
    }
}
