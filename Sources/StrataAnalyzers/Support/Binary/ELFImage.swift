import StrataCore

/// The parts of an ELF executable a reader of embedded data needs: named sections and the
/// loadable segments that map virtual addresses to file offsets. Every offset is checked
/// against the file, so a truncated or corrupt header is an error, never a trap.
struct ELFImage {
    struct Section { let name: String, address: Int, offset: Int, size: Int, isNoBits: Bool }
    struct Segment { let address: Int, offset: Int, fileSize: Int }

    static let magic: [UInt8] = [0x7F, 0x45, 0x4C, 0x46]

    let view: ByteView
    let is64: Bool
    private(set) var sections: [Section] = []
    private(set) var segments: [Segment] = []

    init(_ bytes: [UInt8]) throws(StrataError) {
        let probe = ByteView(bytes)
        guard probe.starts(with: Self.magic), let cls = probe.uint(4, 1), let data = probe.uint(5, 1),
              cls == 1 || cls == 2, data == 1 || data == 2 else {
            throw StrataError(.parseError, "not an ELF file (bad identification bytes)")
        }
        is64 = cls == 2
        view = ByteView(bytes, bigEndian: data == 2)
        try readSegments()
        try readSections()
    }

    /// Word-sized field: 8 bytes in ELF64, 4 in ELF32.
    private func word(_ offset: Int) -> Int? { is64 ? view.u64(offset) : view.u32(offset) }

    private func table(offsetAt: Int, sizeAt: Int, countAt: Int, minimum: Int, what: String) throws(StrataError) -> (Int, Int, Int) {
        guard let start = word(offsetAt), let size = view.u16(sizeAt), let count = view.u16(countAt) else {
            throw StrataError(.parseError, "ELF header truncated (\(view.count) bytes)")
        }
        if count == 0 { return (0, 0, 0) }
        guard size >= minimum, start <= view.count, count * size <= view.count - start else {
            throw StrataError(.parseError, "ELF \(what) table (\(count) × \(size) bytes at \(start)) lies outside the \(view.count)-byte file")
        }
        return (start, size, count)
    }

    private mutating func readSegments() throws(StrataError) {
        let (start, size, count) = try table(offsetAt: is64 ? 32 : 28, sizeAt: is64 ? 54 : 42, countAt: is64 ? 56 : 44, minimum: is64 ? 56 : 32, what: "program header")
        for i in 0..<count {
            let at = start + i * size
            guard view.u32(at) == 1 else { continue }  // PT_LOAD
            let fields = is64 ? (view.u64(at + 8), view.u64(at + 16), view.u64(at + 32))
                              : (view.u32(at + 4), view.u32(at + 8), view.u32(at + 16))
            guard let offset = fields.0, let address = fields.1, let fileSize = fields.2 else { continue }
            segments.append(Segment(address: address, offset: offset, fileSize: fileSize))
        }
    }

    private mutating func readSections() throws(StrataError) {
        let (start, size, count) = try table(offsetAt: is64 ? 40 : 32, sizeAt: is64 ? 58 : 46, countAt: is64 ? 60 : 48, minimum: is64 ? 64 : 40, what: "section")
        guard count > 0, let namesIndex = view.u16(is64 ? 62 : 50), namesIndex < count else { return }
        func header(_ i: Int) -> (name: Int, type: Int, address: Int, offset: Int, size: Int)? {
            let at = start + i * size
            let f = is64 ? (view.u32(at), view.u32(at + 4), view.u64(at + 16), view.u64(at + 24), view.u64(at + 32))
                         : (view.u32(at), view.u32(at + 4), view.u32(at + 12), view.u32(at + 16), view.u32(at + 20))
            guard let n = f.0, let t = f.1, let a = f.2, let o = f.3, let s = f.4 else { return nil }
            return (n, t, a, o, s)
        }
        guard let names = header(namesIndex) else { return }
        for i in 0..<count {
            guard let h = header(i) else { continue }
            sections.append(Section(name: name(at: names.offset, names.size, h.name), address: h.address,
                                    offset: h.offset, size: h.size, isNoBits: h.type == 8))
        }
    }

    private func name(at table: Int, _ tableSize: Int, _ index: Int) -> String {
        guard table <= view.count, index < tableSize, let bytes = view.slice(table + index, min(tableSize - index, 256)) else { return "" }
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// The file bytes of a section, or `nil` when it has none or they lie outside the file.
    func contents(of name: String) -> ArraySlice<UInt8>? {
        guard let s = sections.first(where: { $0.name == name }), !s.isNoBits else { return nil }
        return view.slice(s.offset, s.size)
    }

    /// `length` bytes at a virtual address, from the loadable segment that maps it.
    func read(address: Int, length: Int) -> ArraySlice<UInt8>? {
        for s in segments where address >= s.address && address - s.address < s.fileSize {
            let into = address - s.address
            let (start, overflow) = s.offset.addingReportingOverflow(into)
            guard length <= s.fileSize - into, !overflow else { return nil }
            return view.slice(start, length)
        }
        return nil
    }
}
