import StrataCore

/// Byte-level TOML tokenizer behind `TOMLDocument`. Always advances; errors carry the line.
struct TOMLScanner {
    enum Item {
        case header([String], isArray: Bool, line: Int)
        case keyValue(String, TOMLValue, line: Int, endLine: Int)
    }

    let bytes: [UInt8]
    let maxDepth: Int
    var pos = 0
    var line = 1

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }
    private func peek(_ offset: Int) -> UInt8? { pos + offset < bytes.count ? bytes[pos + offset] : nil }

    private mutating func advance() {
        if bytes[pos] == UInt8(ascii: "\n") { line += 1 }
        pos += 1
    }

    func error(_ reason: String) -> StrataError {
        StrataError(.parseError, "TOML: \(reason)", at: SourceLocation(path: "", startLine: line))
    }

    mutating func nextItem() throws(StrataError) -> Item? {
        skipTrivia(newlines: true)
        guard let c = peek else { return nil }
        let start = line
        if c == UInt8(ascii: "[") {
            let isArray = peek(1) == UInt8(ascii: "[")
            pos += isArray ? 2 : 1
            let path = try keyPath(until: UInt8(ascii: "]"))
            guard peek == UInt8(ascii: "]"), !isArray || peek(1) == UInt8(ascii: "]") else { throw error("unclosed table header") }
            pos += isArray ? 2 : 1
            try endOfLine()
            return .header(path, isArray: isArray, line: start)
        }
        let key = try keyPath(until: UInt8(ascii: "=")).joined(separator: ".")
        guard peek == UInt8(ascii: "=") else { throw error("expected `=` after key") }
        pos += 1
        let value = try self.value(depth: 0)
        let end = line
        try endOfLine()
        return .keyValue(key, value, line: start, endLine: end)
    }

    private mutating func endOfLine() throws(StrataError) {
        skipTrivia(newlines: false)
        guard let c = peek else { return }
        guard c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") else { throw error("unexpected text after value") }
    }

    /// Spaces, tabs, comments and (optionally) newlines.
    mutating func skipTrivia(newlines: Bool) {
        while let c = peek {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || (newlines && (c == 10 || c == 13)) {
                advance()
            } else if c == UInt8(ascii: "#") {
                while let d = peek, d != 10 { advance() }
            } else {
                return
            }
        }
    }

    private mutating func keyPath(until terminator: UInt8) throws(StrataError) -> [String] {
        var parts: [String] = []
        while true {
            skipTrivia(newlines: false)
            guard let c = peek else { throw error("unexpected end in key") }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                guard case .string(let s) = try value(depth: 0) else { throw error("bad quoted key") }
                parts.append(s)
            } else {
                let begin = pos
                while let d = peek, Self.isBareKey(d) { pos += 1 }
                guard pos > begin else { throw error("expected a key") }
                parts.append(String(decoding: bytes[begin..<pos], as: UTF8.self))
            }
            skipTrivia(newlines: false)
            if peek == UInt8(ascii: ".") { pos += 1; continue }
            guard peek == terminator else { throw error("unexpected character in key") }
            return parts
        }
    }

    static func isBareKey(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
    }

    mutating func value(depth: Int) throws(StrataError) -> TOMLValue {
        skipTrivia(newlines: false)
        guard let c = peek else { throw error("missing value") }
        if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
            guard depth < maxDepth else {
                throw StrataError(.depthLimit, "TOML nesting deeper than \(maxDepth)", at: SourceLocation(path: "", startLine: line))
            }
        }
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try quoted())
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "{"): return try inlineTable(depth: depth)
        default: return try bare()
        }
    }

    private mutating func bare() throws(StrataError) -> TOMLValue {
        let begin = pos
        while let c = peek, !Self.endsBare(c) { pos += 1 }
        guard pos > begin else { throw error("missing value") }
        return .other(String(decoding: bytes[begin..<pos], as: UTF8.self))
    }

    /// Numbers, booleans and dates without spaces (lock files write no local date-times).
    private static func endsBare(_ c: UInt8) -> Bool {
        c == 10 || c == 13 || c == 32 || c == 9 || c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") || c == UInt8(ascii: "#")
    }

    private mutating func array(depth: Int) throws(StrataError) -> TOMLValue {
        pos += 1
        var items: [TOMLValue] = []
        while true {
            skipTrivia(newlines: true)
            guard let c = peek else { throw error("unclosed array") }
            if c == UInt8(ascii: "]") { pos += 1; return .array(items) }
            items.append(try value(depth: depth + 1))
            skipTrivia(newlines: true)
            if peek == UInt8(ascii: ",") { pos += 1 } else if peek != UInt8(ascii: "]") { throw error("expected `,` or `]` in array") }
        }
    }

    private mutating func inlineTable(depth: Int) throws(StrataError) -> TOMLValue {
        pos += 1
        var table: [String: TOMLValue] = [:]
        while true {
            skipTrivia(newlines: true)
            guard let c = peek else { throw error("unclosed inline table") }
            if c == UInt8(ascii: "}") { pos += 1; return .table(table) }
            let key = try keyPath(until: UInt8(ascii: "=")).joined(separator: ".")
            pos += 1
            table[key] = try value(depth: depth + 1)
            skipTrivia(newlines: true)
            if peek == UInt8(ascii: ",") { pos += 1 } else if peek != UInt8(ascii: "}") { throw error("expected `,` or `}` in inline table") }
        }
    }
}
