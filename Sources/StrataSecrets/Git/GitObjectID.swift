/// A SHA-1 object name: 20 bytes, written as 40 lower-case hex digits.
struct GitObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    let bytes: [UInt8]

    init?(bytes: ArraySlice<UInt8>) {
        guard bytes.count == 20 else { return nil }
        self.bytes = Array(bytes)
    }

    init?(hex: some StringProtocol) {
        let u = Array(hex.utf8)
        guard u.count == 40 else { return nil }
        var out = [UInt8](repeating: 0, count: 20)
        for i in 0..<20 {
            guard let hi = Self.nibble(u[2 * i]), let lo = Self.nibble(u[2 * i + 1]) else { return nil }
            out[i] = hi << 4 | lo
        }
        bytes = out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    var description: String {
        var out = [UInt8]()
        out.reserveCapacity(40)
        for b in bytes {
            out.append(Self.digits[Int(b >> 4)])
            out.append(Self.digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func < (a: GitObjectID, b: GitObjectID) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}

/// Object types as packfiles number them.
enum GitObjectType: Int, Sendable {
    case commit = 1, tree = 2, blob = 3, tag = 4

    init?(name: some StringProtocol) {
        switch name {
        case "commit": self = .commit
        case "tree": self = .tree
        case "blob": self = .blob
        case "tag": self = .tag
        default: return nil
        }
    }
}

struct GitObject: Sendable {
    let type: GitObjectType
    let data: [UInt8]
}
