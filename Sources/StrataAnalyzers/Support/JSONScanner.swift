import StrataCore

/// Recursive-descent JSON reader over bytes that tracks lines and bounds nesting. Strings must
/// be valid UTF-8; any error stops the parse with the line where it was found.
struct JSONScanner {
    let bytes: [UInt8]
    let maxDepth: Int
    var pos = 0
    var line = 1

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
    }

    func error(_ reason: String, code: StrataError.Code = .parseError) -> StrataError {
        StrataError(code, "JSON: \(reason)", at: SourceLocation(path: "", startLine: line))
    }

    mutating func document() throws(StrataError) -> JSONNode {
        let node = try value(depth: 0)
        skipSpace()
        guard pos == bytes.count else { throw error("text after the document") }
        return node
    }

    private mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x0A: line += 1; pos += 1
            case 0x20, 0x09, 0x0D: pos += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(StrataError) -> JSONNode {
        skipSpace()
        guard pos < bytes.count else { throw error("unexpected end of input") }
        let start = line
        if bytes[pos] == UInt8(ascii: "{") || bytes[pos] == UInt8(ascii: "[") {
            guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth)", code: .depthLimit) }
        }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return JSONNode(value: try object(depth: depth), line: start)
        case UInt8(ascii: "["): return JSONNode(value: try array(depth: depth), line: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try string()), line: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(value: .bool(true), line: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(value: .bool(false), line: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(value: .null, line: start)
        default: return JSONNode(value: .number(try number()), line: start)
        }
    }

    private mutating func literal(_ word: String) throws(StrataError) {
        let w = Array(word.utf8)
        guard bytes.count - pos >= w.count, Array(bytes[pos..<pos + w.count]) == w else { throw error("invalid literal") }
        pos += w.count
    }

    private mutating func number() throws(StrataError) -> String {
        let begin = pos
        while pos < bytes.count, Self.isNumberByte(bytes[pos]) { pos += 1 }
        let text = String(decoding: bytes[begin..<pos], as: UTF8.self)
        guard pos > begin, Double(text) != nil else { throw error("invalid value") }
        return text
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45
    }

    private mutating func object(depth: Int) throws(StrataError) -> JSONNode.Value {
        pos += 1
        var members: [JSONNode.Member] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyLine = line
            let key = try string()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("expected `:`") }
            pos += 1
            members.append(JSONNode.Member(key: key, line: keyLine, value: try value(depth: depth + 1)))
            skipSpace()
            guard pos < bytes.count else { throw error("unclosed object") }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
            guard bytes[pos] == UInt8(ascii: ",") else { throw error("expected `,` or `}`") }
            pos += 1
        }
    }

    private mutating func array(depth: Int) throws(StrataError) -> JSONNode.Value {
        pos += 1
        var items: [JSONNode] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard pos < bytes.count else { throw error("unclosed array") }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            guard bytes[pos] == UInt8(ascii: ",") else { throw error("expected `,` or `]`") }
            pos += 1
        }
    }
}
