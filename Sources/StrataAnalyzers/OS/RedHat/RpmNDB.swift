import StrataCore

/// Header blobs from rpm's own "ndb" package database (`Packages.db`, SUSE since 15.x, RPM ≥
/// 4.15): a 32-byte header (`RpmP`, version 0, generation, slot page count), then 4096-byte
/// pages of 16-byte slots (`Slot`, package index, block offset, block count), each pointing at
/// a blob in 16-byte blocks: `BlbS`, package index, checksum, length, then the header blob.
/// All fields little-endian.
struct RpmNDB {
    static let magic = Array("RpmP".utf8)
    static let slotMagic = Array("Slot".utf8)
    static let blobMagic = Array("BlbS".utf8)
    static let pageSize = 4096, slotSize = 16, blockSize = 16

    static func looksLike(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }

    static func forEachValue(_ bytes: [UInt8], limit: Int, _ body: ([UInt8]) -> Void) throws(StrataError) {
        let view = ByteView(bytes)
        guard view.starts(with: magic), let version = view.u32(4), let slotPages = view.u32(12) else {
            throw StrataError(.parseError, "not an rpm ndb database")
        }
        guard version == 0 else { throw StrataError(.parseError, "rpm ndb version \(version) is not 0") }
        guard slotPages >= 1, slotPages <= bytes.count / pageSize else {
            throw StrataError(.parseError, "rpm ndb slot table of \(slotPages) pages does not fit the \(bytes.count)-byte file")
        }
        var seen = 0
        var problem: StrataError?
        // The file header takes the first two slot positions.
        for at in stride(from: 2 * slotSize, to: slotPages * pageSize, by: slotSize) {
            // rpm writes the magic into every slot; a slot without it holds nothing.
            guard view.starts(with: slotMagic, at: at), let index = view.u32(at + 4), index != 0, let block = view.u32(at + 8), let count = view.u32(at + 12) else { continue }
            let start = block * blockSize
            guard view.starts(with: blobMagic, at: start), view.u32(start + 4) == index, let length = view.u32(start + 12),
                  length <= count * blockSize, let blob = view.slice(start + 16, length) else {
                // One damaged blob loses one package; the rest are still read.
                problem = problem ?? StrataError(.parseError, "rpm ndb package \(index): blob at byte \(start) is missing or does not fit")
                continue
            }
            body(Array(blob))
            seen += 1
            if seen >= limit { return }
        }
        if let problem { throw problem }
    }
}
