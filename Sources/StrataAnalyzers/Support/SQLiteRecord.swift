import StrataCore

/// SQLite's record format: a header of serial types, then the values (fileformat §2.1).
enum SQLiteRecord {
    static func decode(_ payload: [UInt8]) throws(StrataError) -> [SQLiteValue] {
        var pos = 0
        let headerSize = Int(try varint(payload, &pos, end: payload.count))
        guard headerSize >= pos, headerSize <= payload.count else { throw StrataError(.parseError, "SQLite record header is invalid") }
        var types: [Int64] = []
        while pos < headerSize { types.append(try varint(payload, &pos, end: headerSize)) }
        var body = headerSize
        return try types.map { (type) throws(StrataError) -> SQLiteValue in try value(type, payload, &body) }
    }

    private static func value(_ type: Int64, _ p: [UInt8], _ pos: inout Int) throws(StrataError) -> SQLiteValue {
        let intSizes: [Int64: Int] = [1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8]
        switch type {
        case 0: return .null
        case 8: return .integer(0)
        case 9: return .integer(1)
        case 7: return .real(Double(bitPattern: UInt64(bitPattern: try int(p, &pos, 8))))
        case let t where intSizes[t] != nil: return .integer(try int(p, &pos, intSizes[t]!))
        case let t where t >= 12:
            let length = Int((t - 12) / 2)
            guard length <= p.count - pos else { throw StrataError(.parseError, "SQLite value runs past its record") }
            let data = Array(p[pos..<pos + length])
            pos += length
            return t % 2 == 0 ? .blob(data) : .text(String(decoding: data, as: UTF8.self))
        default:
            throw StrataError(.parseError, "SQLite serial type \(type) is reserved")
        }
    }

    /// A big-endian two's-complement integer of `size` bytes.
    private static func int(_ p: [UInt8], _ pos: inout Int, _ size: Int) throws(StrataError) -> Int64 {
        guard size <= p.count - pos else { throw StrataError(.parseError, "SQLite value runs past its record") }
        var v: Int64 = p[pos] & 0x80 != 0 ? -1 : 0
        for b in p[pos..<pos + size] { v = v << 8 | Int64(b) }
        pos += size
        return v
    }

    /// SQLite varint: up to nine bytes, seven bits each, the ninth contributing all eight.
    static func varint(_ bytes: [UInt8], _ pos: inout Int, end: Int) throws(StrataError) -> Int64 {
        var v: UInt64 = 0
        for i in 0..<9 {
            guard pos < end, pos < bytes.count else { throw StrataError(.parseError, "SQLite varint runs past its cell") }
            let b = bytes[pos]
            pos += 1
            if i == 8 { return Int64(bitPattern: v << 8 | UInt64(b)) }
            v = v << 7 | UInt64(b & 0x7F)
            if b & 0x80 == 0 { break }
        }
        return Int64(bitPattern: v)
    }
}
