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

/// Go's `strconv.Quote`, enough for messages: escapes quotes, backslashes and control characters.
enum GoQuote {
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
