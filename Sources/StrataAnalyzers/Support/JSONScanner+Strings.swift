import StrataCore

extension JSONScanner {
    /// A string at `pos` (which holds `"`), escapes decoded, surrogate pairs joined.
    mutating func string() throws(StrataError) -> String {
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: "\""):
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in string") }
                return s
            case UInt8(ascii: "\\"):
                pos += 1
                try escape(into: &out)
            case 0x00..<0x20:
                throw error("control character in string")
            default:
                out.append(c)
                pos += 1
            }
        }
        throw error("unclosed string")
    }

    private mutating func escape(into out: inout [UInt8]) throws(StrataError) {
        guard pos < bytes.count else { throw error("unclosed string") }
        let e = bytes[pos]
        pos += 1
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 8, 0x66: 12, 0x6E: 10, 0x72: 13, 0x74: 9]
        if let byte = simple[e] { out.append(byte); return }
        guard e == UInt8(ascii: "u") else { throw error("bad escape") }
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate")
            }
            pos += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func hex4() throws(StrataError) -> UInt32 {
        guard pos + 4 <= bytes.count, bytes[pos..<pos + 4].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
              let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16) else {
            throw error("bad \\u escape")
        }
        pos += 4
        return v
    }
}
