/// Turns GraphQL text into tokens, counting lines and columns the way gqlparser does
/// (columns in Unicode scalars; `\r\n`, `\n` and `\r` end lines; commas are whitespace).
struct GraphQLLexer {
    let input: [UInt8]
    var start = 0, startRunes = 0
    var end = 0, endRunes = 0
    var line = 1, lineStartRunes = 0

    init(_ text: String) { input = Array(text.utf8) }

    /// The next token, or the `Invalid` token with the lexer's error.
    mutating func next() -> (GraphQLToken, GraphQLError?) {
        skipWhitespaceAndComments()
        start = end
        startRunes = endRunes
        guard end < input.count else { return (token(.eof), nil) }
        let byte = input[end]
        end += 1
        endRunes += 1
        if let kind = Self.punctuators[byte] { return (token(kind, value: ""), nil) }
        switch byte {
        case UInt8(ascii: "."):
            if end + 1 < input.count, input[end] == UInt8(ascii: "."), input[end + 1] == UInt8(ascii: ".") {
                end += 2
                endRunes += 2
                return (token(.spread, value: ""), nil)
            }
        case _ where Self.isNameStart(byte): return readName()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return readNumber()
        case UInt8(ascii: "\""):
            if end + 1 < input.count, input[end] == UInt8(ascii: "\""), input[end + 1] == UInt8(ascii: "\"") {
                return readBlockString()
            }
            return readString()
        default: break
        }
        end -= 1
        endRunes -= 1
        if byte < 0x20, byte != 0x09, byte != 0x0a, byte != 0x0d {
            return error("Cannot contain the invalid character \"\\u\(Self.pad4(Int(byte)))\"")
        }
        if byte == UInt8(ascii: "'") {
            return error("Unexpected single quote character ('), did you mean to use a double quote (\")?")
        }
        return error("Cannot parse the unexpected character \"\(scalarText(at: end))\".")
    }

    private static let punctuators: [UInt8: GraphQLTokenKind] = [
        UInt8(ascii: "!"): .bang, UInt8(ascii: "$"): .dollar, UInt8(ascii: "&"): .amp,
        UInt8(ascii: "("): .parenL, UInt8(ascii: ")"): .parenR, UInt8(ascii: ":"): .colon,
        UInt8(ascii: "="): .equals, UInt8(ascii: "@"): .at, UInt8(ascii: "["): .bracketL,
        UInt8(ascii: "]"): .bracketR, UInt8(ascii: "{"): .braceL, UInt8(ascii: "}"): .braceR,
        UInt8(ascii: "|"): .pipe,
    ]

    static func isNameStart(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
    }

    static func isNameContinue(_ b: UInt8) -> Bool { isNameStart(b) || (b >= 0x30 && b <= 0x39) }

    func token(_ kind: GraphQLTokenKind) -> GraphQLToken {
        token(kind, value: String(decoding: input[start..<end], as: UTF8.self))
    }

    func token(_ kind: GraphQLTokenKind, value: String) -> GraphQLToken {
        GraphQLToken(kind: kind, value: value, position: GraphQLPosition(line: line, column: startRunes - lineStartRunes + 1))
    }

    func error(_ message: String) -> (GraphQLToken, GraphQLError?) {
        let position = GraphQLPosition(line: line, column: endRunes - lineStartRunes + 1)
        return (GraphQLToken(kind: .invalid, value: "", position: position), GraphQLError(message, at: position))
    }

    /// The scalar starting at byte `i` and its width in bytes.
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        var iterator = input[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return (s, UTF8.width(s)) }
        return ("\u{FFFD}", 1)
    }

    private func scalarText(at i: Int) -> String { String(Character(scalar(at: i).0)) }

    mutating func newline() {
        line += 1
        lineStartRunes = endRunes
    }

    private mutating func skipWhitespaceAndComments() {
        while end < input.count {
            switch input[end] {
            case 0x09, 0x20, UInt8(ascii: ","):
                end += 1; endRunes += 1
            case 0x0a:
                end += 1; endRunes += 1; newline()
            case 0x0d:
                end += 1; endRunes += 1; newline()
                if end < input.count, input[end] == 0x0a { end += 1; endRunes += 1 }
            case 0xef where end + 2 < input.count && input[end + 1] == 0xbb && input[end + 2] == 0xbf:
                end += 3; endRunes += 1
            case UInt8(ascii: "#"):
                end += 1; endRunes += 1
                skipComment()
            default:
                return
            }
        }
    }

    private mutating func skipComment() {
        while end < input.count {
            let b = input[end]
            guard b > 0x1f || b == 0x09 else { break }
            let (_, width) = scalar(at: end)
            end += width
            endRunes += 1
        }
    }

    private mutating func readName() -> (GraphQLToken, GraphQLError?) {
        while end < input.count, Self.isNameContinue(input[end]) {
            end += 1
            endRunes += 1
        }
        return (token(.name), nil)
    }

    private mutating func acceptByte(_ options: UInt8...) -> Bool {
        guard end < input.count, options.contains(input[end]) else { return false }
        end += 1
        endRunes += 1
        return true
    }

    private mutating func acceptDigits() -> Int {
        var consumed = 0
        while end < input.count, input[end] >= 0x30, input[end] <= 0x39 {
            end += 1; endRunes += 1; consumed += 1
        }
        return consumed
    }

    private func describeNext() -> String {
        end < input.count ? "\"\(String(decoding: [input[end]], as: UTF8.self))\"" : "<EOF>"
    }

    private mutating func readNumber() -> (GraphQLToken, GraphQLError?) {
        var isFloat = false
        end -= 1
        endRunes -= 1
        _ = acceptByte(UInt8(ascii: "-"))
        if acceptByte(UInt8(ascii: "0")) {
            let consumed = acceptDigits()
            if consumed != 0 {
                end -= consumed
                endRunes -= consumed
                return error("Invalid number, unexpected digit after 0: \(describeNext()).")
            }
        } else if acceptDigits() == 0 {
            return error("Invalid number, expected digit but got: \(describeNext()).")
        }
        if acceptByte(UInt8(ascii: ".")) {
            isFloat = true
            if acceptDigits() == 0 { return error("Invalid number, expected digit but got: \(describeNext()).") }
        }
        if acceptByte(UInt8(ascii: "e"), UInt8(ascii: "E")) {
            isFloat = true
            _ = acceptByte(UInt8(ascii: "-"), UInt8(ascii: "+"))
            if acceptDigits() == 0 { return error("Invalid number, expected digit but got: \(describeNext()).") }
        }
        return (token(isFloat ? .float : .int), nil)
    }
}
