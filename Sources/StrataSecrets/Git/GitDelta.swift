import StrataCore

/// Git's delta format: the base's size and the result's size (little-endian base-128), then
/// instructions that copy a range of the base or insert literal bytes. Every range is checked, so a
/// corrupt delta is an error, and the result never exceeds the size it declares.
enum GitDelta {
    static func apply(_ delta: [UInt8], to base: [UInt8], limit: Int) throws(StrataError) -> [UInt8] {
        var i = 0
        func varint() throws(StrataError) -> Int {
            var value = 0, shift = 0
            while true {
                guard i < delta.count, shift < 56 else { throw StrataError(.parseError, "delta header is truncated") }
                let b = delta[i]
                i += 1
                value |= Int(b & 0x7F) << shift
                shift += 7
                if b & 0x80 == 0 { return value }
            }
        }
        let baseSize = try varint(), size = try varint()
        guard baseSize == base.count else { throw StrataError(.parseError, "delta expects a \(baseSize)-byte base, found \(base.count)") }
        guard size <= limit else { throw StrataError(.fileTooLarge, "object is over the \(limit)-byte limit") }
        var out = [UInt8]()
        out.reserveCapacity(size)
        while i < delta.count {
            let op = delta[i]
            i += 1
            if op & 0x80 != 0 {
                var offset = 0, length = 0
                for k in 0..<4 where op & (1 << k) != 0 {
                    guard i < delta.count else { throw StrataError(.parseError, "delta copy is truncated") }
                    offset |= Int(delta[i]) << (8 * k)
                    i += 1
                }
                for k in 0..<3 where op & (0x10 << k) != 0 {
                    guard i < delta.count else { throw StrataError(.parseError, "delta copy is truncated") }
                    length |= Int(delta[i]) << (8 * k)
                    i += 1
                }
                if length == 0 { length = 0x10000 }
                guard offset + length <= base.count, out.count + length <= size else { throw StrataError(.parseError, "delta copies outside its base") }
                out += base[offset..<(offset + length)]
            } else if op != 0 {
                let length = Int(op)
                guard i + length <= delta.count, out.count + length <= size else { throw StrataError(.parseError, "delta insert is truncated") }
                out += delta[i..<(i + length)]
                i += length
            } else {
                throw StrataError(.parseError, "delta has a reserved instruction")
            }
        }
        guard out.count == size else { throw StrataError(.parseError, "delta result is \(out.count) bytes, not \(size)") }
        return out
    }
}
