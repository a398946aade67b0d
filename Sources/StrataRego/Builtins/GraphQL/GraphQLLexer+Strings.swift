/// String and block-string tokens.
extension GraphQLLexer {
    mutating func readString() -> (GraphQLToken, GraphQLError?) {
        start += 1
        startRunes += 1
        var buffer: [UInt8]?
        while end < input.count {
            let b = input[end]
            if b == 0x0a || b == 0x0d { break }
            if b < 0x20, b != 0x09 { return error("Invalid character within String: \"\\u\(Self.pad4(Int(b)))\".") }
            switch b {
            case UInt8(ascii: "\""):
                var t = token(.string, value: "")
                t.value = String(decoding: buffer ?? Array(input[start..<end]), as: UTF8.self)
                end += 1
                endRunes += 1
                return (t, nil)
            case UInt8(ascii: "\\"):
                if buffer == nil { buffer = Array(input[start..<end]) }
                if let failure = readEscape(into: &buffer!) { return failure }
            default:
                let (_, width) = scalar(at: end)
                buffer?.append(contentsOf: input[end..<(end + width)])
                end += width
                endRunes += 1
            }
        }
        return error("Unterminated string.")
    }

    /// One `\x` escape at `end`; returns the error token when it is malformed.
    private mutating func readEscape(into buffer: inout [UInt8]) -> (GraphQLToken, GraphQLError?)? {
        guard end + 1 < input.count else {
            end += 1; endRunes += 1
            return error("Invalid character escape sequence.")
        }
        let escape = input[end + 1]
        if escape == UInt8(ascii: "u") {
            guard end + 6 < input.count else {
                let rest = String(decoding: input[end...], as: UTF8.self)
                end += 1; endRunes += 1
                return error("Invalid character escape sequence: \\\(rest).")
            }
            guard let code = Self.unhex(input[(end + 2)..<(end + 6)]) else {
                let text = String(decoding: input[end..<(end + 5)], as: UTF8.self)
                end += 1; endRunes += 1
                return error("Invalid character escape sequence: \\\(text).")
            }
            buffer.append(contentsOf: Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
            end += 6; endRunes += 6
            return nil
        }
        guard let replacement = Self.escapes[escape] else {
            end += 1; endRunes += 1
            return error("Invalid character escape sequence: \\\(String(decoding: [escape], as: UTF8.self)).")
        }
        buffer.append(replacement)
        end += 2; endRunes += 2
        return nil
    }

    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0c, UInt8(ascii: "n"): 0x0a, UInt8(ascii: "r"): 0x0d, UInt8(ascii: "t"): 0x09,
    ]

    static func pad4(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private static func unhex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for c in digits {
            v <<= 4
            switch c {
            case 0x30...0x39: v |= UInt32(c - 0x30)
            case 0x61...0x66: v |= UInt32(c - 0x61 + 10)
            case 0x41...0x46: v |= UInt32(c - 0x41 + 10)
            default: return nil
            }
        }
        return v
    }

    mutating func readBlockString() -> (GraphQLToken, GraphQLError?) {
        var buffer: [UInt8] = []
        start += 3; startRunes += 3
        end += 2; endRunes += 2
        while end < input.count {
            let b = input[end]
            if b == UInt8(ascii: "\""), end + 3 <= input.count, input[end + 1] == b, input[end + 2] == b {
                let t = token(.blockString, value: Self.blockStringValue(String(decoding: buffer, as: UTF8.self)))
                end += 3; endRunes += 3
                return (t, nil)
            }
            if b < 0x20, b != 0x09, b != 0x0a, b != 0x0d {
                return error("Invalid character within String: \"\\u\(Self.pad4(Int(b)))\".")
            }
            if b == UInt8(ascii: "\\"), end + 4 <= input.count, Array(input[(end + 1)..<(end + 4)]) == [0x22, 0x22, 0x22] {
                buffer.append(contentsOf: [0x22, 0x22, 0x22])
                end += 4; endRunes += 4
            } else if b == 0x0d {
                if end + 1 < input.count, input[end + 1] == 0x0a { end += 1; endRunes += 1 }
                buffer.append(0x0a)
                end += 1; endRunes += 1
                newline()
            } else {
                let (_, width) = scalar(at: end)
                buffer.append(contentsOf: input[end..<(end + width)])
                end += width; endRunes += 1
                if b == 0x0a { newline() }
            }
        }
        return error("Unterminated string.")
    }

    /// The spec's BlockStringValue: strip the common indentation and blank first/last lines.
    static func blockStringValue(_ raw: String) -> String {
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var common: Int?
        for line in lines.dropFirst() {
            let indent = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
            if indent < line.count, common == nil || indent < common! { common = indent }
        }
        if let common {
            for i in lines.indices.dropFirst() {
                lines[i] = lines[i].count < common ? [] : Array(lines[i].dropFirst(common))
            }
        }
        let blank: ([UInt8]) -> Bool = { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        while let first = lines.first, blank(first) { lines.removeFirst() }
        while let last = lines.last, blank(last) { lines.removeLast() }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }
}
