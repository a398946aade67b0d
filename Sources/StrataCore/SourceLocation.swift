/// A place in a file: path relative to the scan root plus a 1-based inclusive line range.
/// Lines are optional because some findings are about a whole file or a package.
public struct SourceLocation: Codable, Sendable, Hashable, Comparable {
    public var path: String
    public var startLine: Int?
    public var endLine: Int?
    public var startColumn: Int?

    public init(path: String, startLine: Int? = nil, endLine: Int? = nil, startColumn: Int? = nil) {
        self.path = path
        self.startLine = startLine
        self.endLine = endLine ?? startLine
        self.startColumn = startColumn
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        return (lhs.startLine ?? 0, lhs.endLine ?? 0) < (rhs.startLine ?? 0, rhs.endLine ?? 0)
    }

    enum CodingKeys: String, CodingKey {
        case path = "Path", startLine = "StartLine", endLine = "EndLine", startColumn = "StartColumn"
    }

    /// `path:line` or `path:start-end`, the form editors and CI logs link.
    public var description: String {
        guard let start = startLine else { return path }
        if let end = endLine, end != start { return "\(path):\(start)-\(end)" }
        return "\(path):\(start)"
    }
}
