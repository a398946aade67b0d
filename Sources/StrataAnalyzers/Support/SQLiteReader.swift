import StrataCore

/// A read-only reader of SQLite database files (sqlite.org/fileformat.html), enough to list the
/// rows of one table: the schema table on page 1, table B-trees (interior 0x05, leaf 0x0D) and
/// overflow chains. It never trusts a page number or length: every page is visited at most
/// once, and a bad reference ends the walk with an error rather than a trap or a loop.
struct SQLiteReader {
    let bytes: [UInt8]
    let pageSize: Int
    let usableSize: Int
    let pageCount: Int

    init(_ bytes: [UInt8]) throws(StrataError) {
        guard bytes.count >= 512, bytes.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw StrataError(.parseError, "not an SQLite 3 database")
        }
        let raw = Int(bytes[16]) << 8 | Int(bytes[17])
        let size = raw == 1 ? 65_536 : raw
        guard size >= 512, size & (size - 1) == 0, bytes.count >= size else {
            throw StrataError(.parseError, "SQLite page size \(raw) is invalid")
        }
        self.bytes = bytes
        self.pageSize = size
        self.usableSize = size - Int(bytes[20])
        self.pageCount = bytes.count / size
        guard usableSize >= 480 else { throw StrataError(.parseError, "SQLite reserved space too large") }
    }

    /// The root page of table `name`, from the schema table (`type, name, tbl_name, rootpage, sql`).
    func rootPage(ofTable name: String) throws(StrataError) -> Int? {
        var root: Int?
        try forEachRow(rootPage: 1, limit: 100_000) { columns in
            if columns.count >= 4, columns[0].text == "table", columns[1].text == name, let page = columns[3].integer {
                root = Int(page)
            }
        }
        return root
    }

    /// Calls `visit` with the columns of each row, in rowid order, at most `limit` rows.
    func forEachRow(rootPage: Int, limit: Int, _ visit: ([SQLiteValue]) throws(StrataError) -> Void) throws(StrataError) {
        var stack = [rootPage]
        var visited: Set<Int> = []
        var rows = 0
        while let page = stack.popLast() {
            guard visited.insert(page).inserted else { throw StrataError(.parseError, "SQLite B-tree page \(page) is referenced twice") }
            let children = try visitPage(page) { (payload) throws(StrataError) in
                guard rows < limit else { return }
                rows += 1
                try visit(try SQLiteRecord.decode(payload))
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    /// Reads one B-tree page: leaf cells go to `leaf`, interior pages return their children
    /// in key order.
    private func visitPage(_ page: Int, leaf: ([UInt8]) throws(StrataError) -> Void) throws(StrataError) -> [Int] {
        let base = try offset(of: page)
        let header = page == 1 ? base + 100 : base
        let kind = bytes[header]
        let cells = Int(be16(header + 3))
        guard kind == 0x05 || kind == 0x0D else { throw StrataError(.parseError, "SQLite page \(page) is not a table B-tree page") }
        let pointers = header + (kind == 0x05 ? 12 : 8)
        guard pointers + cells * 2 <= base + pageSize else { throw StrataError(.parseError, "SQLite page \(page) cell count is too large") }
        var children: [Int] = []
        for i in 0..<cells {
            let cell = base + Int(be16(pointers + i * 2))
            guard cell >= pointers, cell + 4 <= base + usableSize else { throw StrataError(.parseError, "SQLite cell outside page \(page)") }
            if kind == 0x05 {
                children.append(Int(be32(cell)))
            } else {
                try leaf(try payload(at: cell, pageEnd: base + usableSize))
            }
        }
        if kind == 0x05 { children.append(Int(be32(header + 8))) }
        return children
    }

    /// A table-leaf cell's payload, followed through its overflow pages (fileformat §1.6).
    private func payload(at cell: Int, pageEnd: Int) throws(StrataError) -> [UInt8] {
        var pos = cell
        let total = Int(try varint(&pos, end: pageEnd))
        _ = try varint(&pos, end: pageEnd)  // rowid
        guard total >= 0, total <= bytes.count else { throw StrataError(.parseError, "SQLite payload length \(total) is invalid") }
        let maxLocal = usableSize - 35
        let minLocal = (usableSize - 12) * 32 / 255 - 23
        var local = total
        if total > maxLocal {
            let k = minLocal + (total - minLocal) % (usableSize - 4)
            local = k <= maxLocal ? k : minLocal
        }
        guard pos + local + (local < total ? 4 : 0) <= pageEnd else { throw StrataError(.parseError, "SQLite cell runs past its page") }
        var out = Array(bytes[pos..<pos + local])
        guard local < total else { return out }
        var next = Int(be32(pos + local))
        var hops = 0
        while out.count < total {
            hops += 1
            guard next != 0, hops <= pageCount else { throw StrataError(.parseError, "SQLite overflow chain is broken") }
            let base = try offset(of: next)
            let take = min(usableSize - 4, total - out.count)
            out.append(contentsOf: bytes[(base + 4)..<(base + 4 + take)])
            next = Int(be32(base))
        }
        return out
    }

    private func offset(of page: Int) throws(StrataError) -> Int {
        guard page >= 1, page <= pageCount else { throw StrataError(.parseError, "SQLite page \(page) is out of range") }
        return (page - 1) * pageSize
    }

    private func be16(_ at: Int) -> UInt16 { UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) }

    func be32(_ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private func varint(_ pos: inout Int, end: Int) throws(StrataError) -> Int64 {
        try SQLiteRecord.varint(bytes, &pos, end: end)
    }
}
