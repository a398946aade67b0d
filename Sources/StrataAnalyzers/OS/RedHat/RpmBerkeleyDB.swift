import StrataCore

/// Header blobs from the BerkeleyDB hash database rpm used up to 4.16 (`var/lib/rpm/Packages`:
/// RHEL/CentOS ≤ 8, Amazon Linux 2, older SUSE). Keys are 4-byte header numbers, values the
/// header blobs. Rather than following hash buckets, every hash page is visited in page order
/// (as rpm's read-only backend does): values are inline (`H_KEYDATA`) or, usually, on a chain
/// of overflow pages (`H_OFFPAGE`). Byte order follows the metadata page's magic.
struct RpmBerkeleyDB {
    static let hashMagic: UInt64 = 0x061561

    static func looksLike(_ bytes: [UInt8]) -> Bool {
        let view = ByteView(bytes)
        var swapped = view
        swapped.bigEndian = true
        return view.uint(12, 4) == hashMagic || swapped.uint(12, 4) == hashMagic
    }

    private enum PageType: UInt64 { case hashUnsorted = 2, overflow = 7, hash = 13 }
    private enum ItemType: UInt64 { case keyData = 1, offPage = 3 }
    static let pageHeaderSize = 26

    /// Calls `body` with each value blob in page order, at most `limit` of them. A damaged page
    /// or overflow chain loses only its own values: the first such problem, or a file shorter
    /// than its metadata says, is thrown after every readable value has been passed on.
    static func forEachValue(_ bytes: [UInt8], limit: Int, _ body: ([UInt8]) -> Void) throws(StrataError) {
        var view = ByteView(bytes)
        if view.uint(12, 4) != hashMagic { view.bigEndian = true }
        guard view.uint(12, 4) == hashMagic else { throw StrataError(.parseError, "not a BerkeleyDB hash database") }
        guard let pageSize = view.u32(20), pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw StrataError(.parseError, "BerkeleyDB page size \(view.u32(20) ?? 0) is not a power of two from 512 to 65536")
        }
        if let encryption = view.uint(24, 1), encryption != 0 {
            throw StrataError(.parseError, "BerkeleyDB database is encrypted")
        }
        let pages = bytes.count / pageSize
        guard pages >= 1 else { throw StrataError(.parseError, "BerkeleyDB database shorter than one \(pageSize)-byte page") }
        var seen = 0
        var problem: StrataError?
        if let last = view.u32(32), last >= pages {
            problem = StrataError(.parseError, "BerkeleyDB database truncated: \(pages) of \(last + 1) pages present")
        }
        pageLoop: for page in 1..<max(pages, 1) {
            let base = page * pageSize
            guard let type = view.uint(base + 25, 1).flatMap(PageType.init), type != .overflow,
                  let entries = view.u16(base + 20) else { continue }
            // Entries alternate key, value; offsets are from the page start, items packed downwards.
            for index in stride(from: 1, to: min(entries, (pageSize - pageHeaderSize) / 2), by: 2) {
                guard let keyAt = view.u16(base + pageHeaderSize + 2 * (index - 1)),
                      let valueAt = view.u16(base + pageHeaderSize + 2 * index),
                      valueAt >= pageHeaderSize, valueAt < keyAt, keyAt < pageSize else {
                    problem = problem ?? StrataError(.parseError, "BerkeleyDB page \(page): entry \(index) lies outside the page")
                    continue pageLoop
                }
                let keyEnd = index == 1 ? pageSize : view.u16(base + pageHeaderSize + 2 * (index - 2)) ?? pageSize
                if isZeroKey(view, base + keyAt, length: keyEnd - keyAt) { continue }
                guard let item = view.uint(base + valueAt, 1).flatMap(ItemType.init) else {
                    problem = problem ?? StrataError(.parseError, "BerkeleyDB page \(page): entry \(index) has an unsupported item type")
                    continue
                }
                switch item {
                case .keyData:
                    guard let value = view.slice(base + valueAt + 1, keyAt - valueAt - 1) else { continue }
                    body(Array(value))
                case .offPage:
                    do {
                        body(try overflow(view, from: base + valueAt, pageSize: pageSize, pages: pages))
                    } catch {
                        problem = problem ?? error
                        continue
                    }
                }
                seen += 1
                if seen >= limit { return }
            }
        }
        if let problem { throw problem }
    }

    /// rpm keeps a bookkeeping record under header number 0; it is not a package.
    private static func isZeroKey(_ view: ByteView, _ at: Int, length: Int) -> Bool {
        guard view.uint(at, 1) == ItemType.keyData.rawValue, length == 5, let key = view.uint(at + 1, 4) else { return false }
        return key == 0
    }

    /// An `H_OFFPAGE` item (type, 3 unused, first page, total length) and the chain it names.
    private static func overflow(_ view: ByteView, from item: Int, pageSize: Int, pages: Int) throws(StrataError) -> [UInt8] {
        guard var next = view.u32(item + 4), let total = view.u32(item + 8) else {
            throw StrataError(.parseError, "BerkeleyDB overflow reference truncated")
        }
        guard total <= pages * pageSize else {
            throw StrataError(.parseError, "BerkeleyDB overflow value of \(total) bytes is larger than the file")
        }
        var value: [UInt8] = []
        value.reserveCapacity(total)
        var hops = 0
        while next != 0, value.count < total {
            hops += 1
            guard next < pages, hops <= pages, view.uint(next * pageSize + 25, 1) == PageType.overflow.rawValue,
                  let used = view.u16(next * pageSize + 22), let following = view.u32(next * pageSize + 16),
                  used <= pageSize - pageHeaderSize, let chunk = view.slice(next * pageSize + pageHeaderSize, used) else {
                throw StrataError(.parseError, "BerkeleyDB overflow chain broken at page \(next)")
            }
            value += chunk
            next = following
        }
        guard value.count == total else {
            throw StrataError(.parseError, "BerkeleyDB overflow chain holds \(value.count) of \(total) bytes")
        }
        return value
    }
}
