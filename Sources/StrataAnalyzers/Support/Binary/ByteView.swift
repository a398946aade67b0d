/// Bounds-checked little/big-endian reads over a byte array: every read past the end is `nil`,
/// so binary parsers of hostile files cannot trap.
struct ByteView {
    let bytes: [UInt8]
    var bigEndian: Bool

    init(_ bytes: [UInt8], bigEndian: Bool = false) {
        self.bytes = bytes
        self.bigEndian = bigEndian
    }

    var count: Int { bytes.count }

    /// An unsigned integer of `size` bytes (1…8) at `offset`.
    func uint(_ offset: Int, _ size: Int) -> UInt64? {
        guard offset >= 0, size >= 1, size <= 8, offset <= bytes.count - size else { return nil }
        var value: UInt64 = 0
        for i in 0..<size {
            let byte = UInt64(bytes[bigEndian ? offset + i : offset + size - 1 - i])
            value = value << 8 | byte
        }
        return value
    }

    func u16(_ offset: Int) -> Int? { uint(offset, 2).map { Int($0) } }
    func u32(_ offset: Int) -> Int? { uint(offset, 4).map { Int($0) } }

    /// A 64-bit value as an `Int` offset or size; values that do not fit are `nil`.
    func u64(_ offset: Int) -> Int? { uint(offset, 8).flatMap { $0 <= UInt64(Int.max) ? Int($0) : nil } }

    func slice(_ offset: Int, _ length: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else { return nil }
        return bytes[offset..<(offset + length)]
    }

    func starts(with prefix: [UInt8], at offset: Int = 0) -> Bool {
        slice(offset, prefix.count).map { $0.elementsEqual(prefix) } ?? false
    }
}
