import StrataCore

extension TOMLScanner {
    /// Basic (`"…"`, `"""…"""`) and literal (`'…'`, `'''…'''`) strings.
    mutating func quoted() throws(StrataError) -> String {
        let quote = bytes[pos]
        let multi = pos + 2 < bytes.count && bytes[pos + 1] == quote && bytes[pos + 2] == quote
        pos += multi ? 3 : 1
        if multi, pos < bytes.count, bytes[pos] == 10 { advanceByte() }
        var out: [UInt8] = []
        while pos < bytes.count {
            let c = bytes[pos]
            if c == quote && (!multi || (pos + 2 < bytes.count && bytes[pos + 1] == quote && bytes[pos + 2] == quote)) {
                pos += multi ? 3 : 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == 10 && !multi { throw error("newline in string") }
            if c == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                try escape(into: &out)
                continue
            }
            out.append(c)
            advanceByte()
        }
        throw error("unclosed string")
    }

    private mutating func advanceByte() {
        if bytes[pos] == 10 { line += 1 }
        pos += 1
    }

    private mutating func escape(into out: inout [UInt8]) throws(StrataError) {
        pos += 1
        guard pos < bytes.count else { throw error("unclosed string") }
        let e = bytes[pos]
        pos += 1
        let simple: [UInt8: UInt8] = [0x62: 8, 0x74: 9, 0x6E: 10, 0x66: 12, 0x72: 13, 0x22: 0x22, 0x5C: 0x5C]
        if let byte = simple[e] { out.append(byte); return }
        if e == UInt8(ascii: "u") || e == UInt8(ascii: "U") {
            let count = e == UInt8(ascii: "u") ? 4 : 8
            guard pos + count <= bytes.count,
                  let value = UInt32(String(decoding: bytes[pos..<pos + count], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(value) else { throw error("bad unicode escape") }
            pos += count
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            return
        }
        if e == 10 || e == 32 || e == 9 || e == 13 {  // line-ending backslash in multi-line strings
            pos -= 1
            while pos < bytes.count, [9, 10, 13, 32].contains(bytes[pos]) { advanceByte() }
            return
        }
        throw error("bad escape \\\(Character(Unicode.Scalar(e)))")
    }
}
