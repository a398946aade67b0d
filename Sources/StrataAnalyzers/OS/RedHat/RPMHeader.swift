import StrataCore

/// An RPM header as rpmdb stores it (no lead, no magic): `il` and `dl` (big-endian int32), `il`
/// 16-byte index entries (tag, type, offset, count), then `dl` bytes of data. Only the string and
/// int32 tags a package inventory needs are kept.
struct RPMHeader {
    enum Tag: Int32 {
        case name = 1000, version = 1001, release = 1002, epoch = 1003, vendor = 1011, license = 1014
        case arch = 1022, sourceRPM = 1044
    }

    private(set) var strings: [Tag: String] = [:]
    private(set) var integers: [Tag: Int] = [:]

    static func parse(_ blob: [UInt8]) throws(StrataError) -> RPMHeader {
        guard blob.count >= 8 else { throw StrataError(.parseError, "RPM header shorter than 8 bytes") }
        let il = Int(be32(blob, 0)), dl = Int(be32(blob, 4))
        let dataStart = 8 + il * 16
        guard il >= 1, il <= 100_000, dl >= 0, dataStart <= blob.count, dl <= blob.count - dataStart else {
            throw StrataError(.parseError, "RPM header index (\(il) entries, \(dl) data bytes) does not fit its \(blob.count) bytes")
        }
        var header = RPMHeader()
        for i in 0..<il {
            let entry = 8 + i * 16
            guard let tag = Tag(rawValue: Int32(bitPattern: be32(blob, entry))) else { continue }
            let type = be32(blob, entry + 4), offset = Int(be32(blob, entry + 8))
            guard offset < dl else { throw StrataError(.parseError, "RPM tag \(tag.rawValue) points outside the data") }
            let at = dataStart + offset
            switch type {
            case 6, 8, 9:  // STRING, STRING_ARRAY (first), I18NSTRING (first)
                let end = blob[at..<(dataStart + dl)].firstIndex(of: 0) ?? (dataStart + dl)
                header.strings[tag] = String(decoding: blob[at..<end], as: UTF8.self)
            case 4 where at + 4 <= dataStart + dl:  // INT32
                header.integers[tag] = Int(be32(blob, at))
            default:
                throw StrataError(.parseError, "RPM tag \(tag.rawValue) has unexpected type \(type)")
            }
        }
        return header
    }

    private static func be32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }
}
