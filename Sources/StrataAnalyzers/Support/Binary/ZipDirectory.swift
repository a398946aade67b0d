import Foundation
import StrataCore
import StrataArtifact

/// A zip archive read from memory by our own code: the end-of-central-directory record (and
/// its ZIP64 form), the central directory's entries, and each entry's data located through its
/// local header, every offset checked against the bytes. Only inflating is delegated, to
/// ZIPFoundation's zlib stream, fed by a provider that never reads past our buffer.
struct ZipDirectory {
    struct Entry {
        let name: String
        let method: Int
        let flags: Int
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeader: Int
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    let view: ByteView
    private(set) var entries: [Entry] = []

    static let maxEntries = 500_000

    init(_ bytes: [UInt8]) throws(StrataError) {
        view = ByteView(bytes)
        guard let end = Self.findEnd(view) else { throw StrataError(.parseError, "not a zip archive (no end of central directory)") }
        guard var count = view.u16(end + 10), var size = view.u32(end + 12), var offset = view.u32(end + 16) else {
            throw StrataError(.parseError, "zip end record truncated")
        }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF,
           view.u32(end - 20) == 0x0706_4B50, let record = view.u64(end - 12),
           view.u32(record) == 0x0606_4B50, let c = view.u64(record + 32), let s = view.u64(record + 40), let o = view.u64(record + 48) {
            (count, size, offset) = (c, s, o)
        }
        guard count <= Self.maxEntries, offset <= view.count, size <= view.count - offset else {
            throw StrataError(.parseError, "zip central directory (\(count) entries, \(size) bytes at \(offset)) does not fit the archive")
        }
        var at = offset
        for _ in 0..<count {
            guard view.u32(at) == 0x0201_4B50, let method = view.u16(at + 10), let flags = view.u16(at + 8),
                  let crc = view.uint(at + 16, 4), var compressed = view.u32(at + 20), var plain = view.u32(at + 24),
                  let nameLength = view.u16(at + 28), let extraLength = view.u16(at + 30), let commentLength = view.u16(at + 32),
                  var local = view.u32(at + 42), let name = view.slice(at + 46, nameLength),
                  let extra = view.slice(at + 46 + nameLength, extraLength) else {
                throw StrataError(.parseError, "zip central directory entry at byte \(at) is damaged")
            }
            // ZIP64 extra field: the 64-bit values, in this order, for those set to 0xFFFFFFFF.
            if let zip64 = Self.extraField(ByteView(Array(extra)), id: 1) {
                var cursor = 0
                for field in [0, 1, 2] {
                    let current = [plain, compressed, local][field]
                    guard current == 0xFFFF_FFFF, let value = zip64.u64(cursor) else { continue }
                    cursor += 8
                    switch field { case 0: plain = value; case 1: compressed = value; default: local = value }
                }
            }
            entries.append(Entry(name: String(decoding: name, as: UTF8.self), method: method, flags: flags, crc: UInt32(crc),
                                 compressedSize: compressed, size: plain, localHeader: local))
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    private static func findEnd(_ view: ByteView) -> Int? {
        guard view.count >= 22 else { return nil }
        var at = view.count - 22
        let stop = max(0, view.count - 22 - 65_535)
        while at >= stop {
            if view.u32(at) == 0x0605_4B50 { return at }
            at -= 1
        }
        return nil
    }

    private static func extraField(_ extra: ByteView, id: Int) -> ByteView? {
        var at = 0
        while let tag = extra.u16(at), let length = extra.u16(at + 2) {
            if tag == id, let body = extra.slice(at + 4, length) { return ByteView(Array(body)) }
            at += 4 + length
        }
        return nil
    }

    /// The entry's bytes, stopping with `file-too-large` once they pass `limit` (the sizes in
    /// the directory are not trusted), and `parse-error` for damage or a wrong checksum.
    func contents(of entry: Entry, limit: Int) throws(StrataError) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw StrataError(.parseError, "entry is encrypted") }
        guard entry.localHeader <= view.count, view.u32(entry.localHeader) == 0x0403_4B50, let n = view.u16(entry.localHeader + 26), let e = view.u16(entry.localHeader + 28),
              let data = view.slice(entry.localHeader + 30 + n + e, entry.compressedSize) else {
            throw StrataError(.parseError, "entry data lies outside the archive")
        }
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw StrataError(.fileTooLarge, "entry is larger than \(limit) bytes") }
            return Array(data)
        case 8:
            return try inflate(data, limit: limit, crc: entry.crc)
        default:
            throw StrataError(.parseError, "compression method \(entry.method) is not supported")
        }
    }

    private func inflate(_ data: ArraySlice<UInt8>, limit: Int, crc: UInt32) throws(StrataError) -> [UInt8] {
        let (out, checksum) = try Inflate.raw(Array(data), limit: limit)
        guard checksum == crc else { throw StrataError(.parseError, "entry checksum does not match") }
        return out
    }
}
