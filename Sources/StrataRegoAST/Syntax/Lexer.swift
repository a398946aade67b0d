/// Splits Rego source into tokens. Always terminates; reports `rego_parse_error` with a location.
public struct Lexer {
    private let bytes: [UInt8]
    private let file: String
    private var pos = 0
    private var row = 1
    private var lineStart = 0
    public private(set) var comments: [Comment] = []

    public init(source: String, file: String) {
        self.bytes = Array(source.utf8)
        self.file = file
    }

    public mutating func tokenize() throws(RegoError) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    private var here: Location { Location(file: file, row: row, col: pos - lineStart + 1) }

    private func peek(_ offset: Int = 0) -> UInt8? {
        pos + offset < bytes.count ? bytes[pos + offset] : nil
    }

    private func error(_ message: String) -> RegoError { RegoError(.parse, message, at: here) }

    private mutating func next() throws(RegoError) -> Token {
        let before = pos
        skipSpaceAndComments()
        let startOffset = pos
        var token = try scan()
        token.spaceBefore = startOffset > before
        return token
    }

    private mutating func scan() throws(RegoError) -> Token {
        let start = here
        guard let c = peek() else { return Token(kind: .eof, text: "", location: start) }
        if c == 0x0A {
            pos += 1
            row += 1
            lineStart = pos
            return Token(kind: .newline, text: "\n", location: start)
        }
        if Lexer.isIdentStart(c) { return Token(kind: .ident, text: readWhile(Lexer.isIdentPart), location: start) }
        if Lexer.isDigit(c) || (c == UInt8(ascii: ".") && peek(1).map(Lexer.isDigit) == true) {
            return Token(kind: .number, text: try readNumber(), location: start)
        }
        if c == UInt8(ascii: "\"") { return Token(kind: .string, text: try readString(), location: start) }
        if c == UInt8(ascii: "`") { return Token(kind: .rawString, text: try readRawString(), location: start) }
        return Token(kind: .punct, text: try readPunct(), location: start)
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == 0x20 || c == 0x09 || c == 0x0D {
                pos += 1
            } else if c == UInt8(ascii: "#") {
                let start = here
                let text = readWhile { $0 != 0x0A }
                comments.append(Comment(text: String(text.dropFirst()), location: start))
            } else {
                return
            }
        }
    }

    private mutating func readWhile(_ predicate: (UInt8) -> Bool) -> String {
        let start = pos
        while let c = peek(), predicate(c) { pos += 1 }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    private mutating func readNumber() throws(RegoError) -> String {
        let start = pos
        while let c = peek(), Lexer.isDigit(c) || c == UInt8(ascii: ".") { pos += 1 }
        if let c = peek(), c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            pos += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { pos += 1 }
            guard let d = peek(), Lexer.isDigit(d) else { throw error("invalid number: exponent has no digits") }
            while let d = peek(), Lexer.isDigit(d) { pos += 1 }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if let c = peek(), Lexer.isIdentStart(c) { throw error("invalid number: \(text)") }
        guard text.filter({ $0 == "." }).count <= 1, !text.hasSuffix(".") else { throw error("invalid number: \(text)") }
        return text
    }

    private mutating func readRawString() throws(RegoError) -> String {
        pos += 1
        let start = pos
        while let c = peek(), c != UInt8(ascii: "`") {
            if c == 0x0A { row += 1; lineStart = pos + 1 }
            pos += 1
        }
        guard peek() != nil else { throw error("non-terminated raw string") }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        pos += 1
        return text
    }

    private mutating func readString() throws(RegoError) -> String {
        pos += 1
        var out: [UInt8] = []
        while let c = peek() {
            if c == UInt8(ascii: "\"") { pos += 1; return String(decoding: out, as: UTF8.self) }
            if c == 0x0A { throw error("non-terminated string") }
            if c == UInt8(ascii: "\\") { try readEscape(into: &out) } else { out.append(c); pos += 1 }
        }
        throw error("non-terminated string")
    }

    private mutating func readEscape(into out: inout [UInt8]) throws(RegoError) {
        pos += 1
        guard let c = peek() else { throw error("non-terminated string") }
        pos += 1
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
        if let mapped = simple[c] { out.append(mapped); return }
        guard c == UInt8(ascii: "u") else { throw error("illegal escape sequence in string") }
        var scalar = try readHex4()
        if (0xD800..<0xDC00).contains(scalar), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
            pos += 2
            let low = try readHex4()
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
        }
        out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
    }

    private mutating func readHex4() throws(RegoError) -> UInt32 {
        guard pos + 4 <= bytes.count,
              let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16) else {
            throw error("illegal unicode escape in string")
        }
        pos += 4
        return v
    }

    private static let operators = [":=", "==", "!=", "<=", ">=", "{", "}", "[", "]", "(", ")", ".", ",", ";", ":",
                                    "=", "<", ">", "+", "-", "*", "/", "%", "&", "|"]

    private mutating func readPunct() throws(RegoError) -> String {
        for op in Lexer.operators {
            let u = Array(op.utf8)
            if pos + u.count <= bytes.count, Array(bytes[pos..<pos + u.count]) == u {
                pos += u.count
                return op
            }
        }
        throw error("illegal token")
    }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == UInt8(ascii: "_")
    }
    static func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
