/// A lexical token of Rego source.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case ident
        case string      // text holds the decoded value
        case rawString   // text holds the raw contents
        case number
        case punct       // text holds the operator or delimiter
        case newline
        case eof
    }

    public var kind: Kind
    public var text: String
    public var location: Location
    /// Whether whitespace or a comment separates this token from the previous one.
    public var spaceBefore = false

    public func isPunct(_ p: String) -> Bool { kind == .punct && text == p }
    public func isIdent(_ word: String) -> Bool { kind == .ident && text == word }
}

/// A `#` comment, kept for METADATA annotations.
public struct Comment: Sendable, Hashable {
    public var text: String
    public var location: Location
}
