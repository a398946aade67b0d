import StrataCore

/// Parsing of one 512-byte tar header block (POSIX ustar, GNU and old v7 layouts). Numbers are
/// octal text or, for GNU's large values, base-256 with the high bit of the first byte set.
enum TarHeader {
    static let blockSize = 512

    struct Fields {
        var name: [UInt8]
        var mode: UInt32
        var size: Int64
        var typeflag: UInt8
        var linkName: [UInt8]
    }

    /// Zero bytes after `size` bytes of data, up to the next block.
    static func padding(_ size: Int64) -> Int64 {
        (Int64(blockSize) - size % Int64(blockSize)) % Int64(blockSize)
    }

    static func isZero(_ block: [UInt8]) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    static func parse(_ block: [UInt8], at offset: Int64) throws(StrataError) -> Fields {
        let stored = try number(block, 148, 8, field: "checksum", at: offset)
        var unsigned: Int64 = 0, signed: Int64 = 0
        for i in 0..<blockSize {
            let byte = (148..<156).contains(i) ? 0x20 : block[i]
            unsigned += Int64(byte)
            signed += Int64(Int8(bitPattern: byte))
        }
        // Some old writers summed signed bytes; both sums are accepted, as GNU tar does.
        guard stored == unsigned || stored == signed else {
            throw StrataError(.parseError, "tar header at byte \(offset) has a bad checksum (not a tar archive, or corrupt)")
        }
        let size = try number(block, 124, 12, field: "size", at: offset)
        guard size >= 0 else { throw StrataError(.parseError, "tar header at byte \(offset) has a negative size") }
        var name = text(block, 0, 100)
        // ustar (not GNU's "ustar  ") splits long names into prefix/name.
        let magic = Array(block[257..<263])
        if magic == Array("ustar\0".utf8) {
            let prefix = text(block, 345, 155)
            if !prefix.isEmpty { name = prefix + [UInt8(ascii: "/")] + name }
        }
        return Fields(
            name: name, mode: UInt32(truncatingIfNeeded: (try? number(block, 100, 8, field: "mode", at: offset)) ?? 0o644),
            size: size, typeflag: block[156], linkName: text(block, 157, 100))
    }

    /// A NUL-terminated field.
    static func text(_ block: [UInt8], _ start: Int, _ length: Int) -> [UInt8] {
        var out: [UInt8] = []
        for i in start..<(start + length) {
            if block[i] == 0 { break }
            out.append(block[i])
        }
        return out
    }

    static func number(_ block: [UInt8], _ start: Int, _ length: Int, field: String, at offset: Int64) throws(StrataError) -> Int64 {
        if block[start] & 0x80 != 0 {
            // Base-256, big-endian; the first byte's high bit is the marker (0xFF would mean negative).
            guard block[start] != 0xFF else { throw StrataError(.parseError, "tar header at byte \(offset): negative \(field)") }
            var value: Int64 = Int64(block[start] & 0x7F)
            for i in (start + 1)..<(start + length) {
                guard value <= (Int64.max >> 8) else { throw StrataError(.parseError, "tar header at byte \(offset): \(field) overflows") }
                value = value << 8 | Int64(block[i])
            }
            return value
        }
        var value: Int64 = 0
        var seenDigit = false
        for i in start..<(start + length) {
            let c = block[i]
            if c == 0 || (c == 0x20 && seenDigit) { break }
            if c == 0x20 { continue }
            guard (0x30...0x37).contains(c) else { throw StrataError(.parseError, "tar header at byte \(offset): \(field) is not an octal number") }
            guard value <= (Int64.max >> 3) else { throw StrataError(.parseError, "tar header at byte \(offset): \(field) overflows") }
            value = value << 3 | Int64(c - 0x30)
            seenDigit = true
        }
        return value
    }

    /// pax extended header records: `LEN key=value\n`, each LEN counting the whole record.
    static func paxRecords(_ data: [UInt8], at offset: Int64) throws(StrataError) -> [String: [UInt8]] {
        var records: [String: [UInt8]] = [:]
        var i = 0
        while i < data.count {
            guard let space = data[i...].firstIndex(of: 0x20), space > i else {
                throw StrataError(.parseError, "pax header at byte \(offset): record without a length")
            }
            var length = 0
            for c in data[i..<space] {
                guard (0x30...0x39).contains(c), length < 1 << 30 else { throw StrataError(.parseError, "pax header at byte \(offset): bad record length") }
                length = length * 10 + Int(c - 0x30)
            }
            let end = i + length
            guard end <= data.count, end > space + 1, data[end - 1] == 0x0A else {
                throw StrataError(.parseError, "pax header at byte \(offset): record overruns the header")
            }
            let body = data[(space + 1)..<(end - 1)]
            guard let eq = body.firstIndex(of: UInt8(ascii: "=")) else {
                throw StrataError(.parseError, "pax header at byte \(offset): record without '='")
            }
            records[String(decoding: body[body.startIndex..<eq], as: UTF8.self)] = Array(body[(eq + 1)...])
            i = end
        }
        return records
    }
}
