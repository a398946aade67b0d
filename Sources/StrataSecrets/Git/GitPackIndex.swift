import StrataCore

/// A pack index, version 2 (`.idx`): a 256-entry fan-out table, the sorted object names, their
/// CRCs, and 4-byte offsets (the high bit sends large ones to an 8-byte table). Every read is
/// checked against the file's size, so a truncated or corrupt index is an error, never a crash.
struct GitPackIndex: Sendable {
    private let bytes: [UInt8]
    let count: Int
    private let namesAt: Int, offsetsAt: Int, largeAt: Int

    init(_ bytes: [UInt8], path: String) throws(StrataError) {
        self.bytes = bytes
        guard bytes.count >= 8 + 1024, bytes[0..<4] == [0xFF, 0x74, 0x4F, 0x63] else {
            throw StrataError(.notAvailable, "\(path): not a version-2 pack index")
        }
        guard Self.u32(bytes, 4) == 2 else { throw StrataError(.notAvailable, "\(path): pack index version \(Self.u32(bytes, 4)) is not supported") }
        count = Int(Self.u32(bytes, 8 + 255 * 4))
        namesAt = 8 + 1024
        offsetsAt = namesAt + count * 20 + count * 4
        largeAt = offsetsAt + count * 4
        guard count < 1 << 28, largeAt + 40 <= bytes.count else { throw StrataError(.parseError, "\(path): pack index is truncated") }
    }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    func name(at i: Int) -> GitObjectID { GitObjectID(bytes: bytes[(namesAt + 20 * i)..<(namesAt + 20 * i + 20)])! }

    /// The pack offset of entry `i`; nil when the large-offset table does not hold it.
    func offset(at i: Int) -> Int? {
        let small = Self.u32(bytes, offsetsAt + 4 * i)
        guard small & 0x8000_0000 != 0 else { return Int(small) }
        let k = largeAt + 8 * Int(small & 0x7FFF_FFFF)
        guard k + 8 <= bytes.count - 40 else { return nil }
        return Int(UInt64(Self.u32(bytes, k)) << 32 | UInt64(Self.u32(bytes, k + 4)))
    }

    /// Binary search within the fan-out bucket of the first byte.
    func find(_ id: GitObjectID) -> Int? {
        let first = Int(id.bytes[0])
        var lo = first == 0 ? 0 : Int(Self.u32(bytes, 8 + 4 * (first - 1)))
        var hi = Int(Self.u32(bytes, 8 + 4 * first))
        guard lo <= hi, hi <= count else { return nil }
        while lo < hi {
            let mid = (lo + hi) / 2
            let at = namesAt + 20 * mid
            let name = bytes[at..<(at + 20)]
            if name.elementsEqual(id.bytes) { return mid }
            if name.lexicographicallyPrecedes(id.bytes) { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }
}
