import StrataRegoAST
/// Token kinds, named as gqlparser names them in messages (`Expected Name, found <EOF>`).
enum GraphQLTokenKind: String, Sendable {
    case invalid = "<Invalid>", eof = "<EOF>"
    case bang = "!", dollar = "$", amp = "&", parenL = "(", parenR = ")", spread = "..."
    case colon = ":", equals = "=", at = "@", bracketL = "[", bracketR = "]"
    case braceL = "{", braceR = "}", pipe = "|"
    case name = "Name", int = "Int", float = "Float", string = "String", blockString = "BlockString"
}

struct GraphQLToken: Sendable {
    var kind: GraphQLTokenKind
    var value: String
    var position: GraphQLPosition

    /// `Name "x"` when the token has a value, else just the kind.
    var description: String {
        value.isEmpty ? kind.rawValue : "\(kind.rawValue) \(GoQuote.quote(value))"
    }
}
