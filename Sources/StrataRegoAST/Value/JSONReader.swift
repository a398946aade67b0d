/// A strict JSON reader producing Rego values. Numbers stay exact; nesting is bounded.
public struct JSONReader {
    public static let maxDepth = 1_000
    private let bytes: [UInt8]
    private var pos = 0
    private var depth = 0

    public struct Failure: Error, Sendable { public var message: String; public var offset: Int }

    public static func parse(_ text: String) throws(Failure) -> Value {
        var reader = JSONReader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.readValue()
        reader.skipSpace()
        guard reader.pos == reader.bytes.count else { throw reader.fail("unexpected trailing characters") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ message: String) -> Failure { Failure(message: message, offset: pos) }

    private mutating func skipSpace() {
        while pos < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[pos]) { pos += 1 }
    }

    private mutating func readValue() throws(Failure) -> Value {
        guard pos < bytes.count else { throw fail("unexpected end of JSON input") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try nested { (r: inout JSONReader) throws(Failure) in try r.readObject() }
        case UInt8(ascii: "["): return try nested { (r: inout JSONReader) throws(Failure) in try r.readArray() }
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default: return try readNumber()
        }
    }

    private mutating func nested(_ body: (inout JSONReader) throws(Failure) -> Value) throws(Failure) -> Value {
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONReader.maxDepth else { throw fail("JSON nesting too deep") }
        return try body(&self)
    }

    private mutating func expectWord(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else { throw fail("invalid character") }
        pos += w.count
    }

    private mutating func readObject() throws(Failure) -> Value {
        pos += 1
        var dict: [Value: Value] = [:]
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(dict) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected object key") }
            let key = try readString()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            pos += 1
            skipSpace()
            dict[.string(key)] = try readValue()
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end of JSON input") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(dict) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func readArray() throws(Failure) -> Value {
        pos += 1
        var items: [Value] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try readValue())
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end of JSON input") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func readNumber() throws(Failure) -> Value {
        let start = pos
        while pos < bytes.count, "+-0123456789.eE".utf8.contains(bytes[pos]) { pos += 1 }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard !text.isEmpty, JSONReader.isJSONNumber(text), let n = RegoNumber(writtenAs: text) else {
            throw fail("invalid number literal")
        }
        return .number(n)
    }

    static func isJSONNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst() }
        guard let first = s.first, first.isASCIIDigit else { return false }
        if first == "0", s.count > 1, s.dropFirst().first?.isASCIIDigit == true { return false }
        return true
    }

    private mutating func readString() throws(Failure) -> String {
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw fail("invalid control character in string") }
            if b == UInt8(ascii: "\\") {
                try readEscape(into: &out)
            } else {
                out.append(b)
                pos += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func readEscape(into out: inout [UInt8]) throws(Failure) {
        pos += 1
        guard pos < bytes.count else { throw fail("unterminated string") }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar), pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                pos += 2
                let low = try readHex4()
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
        default: throw fail("invalid escape")
        }
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16) else {
            throw fail("invalid unicode escape")
        }
        pos += 4
        return v
    }
}
