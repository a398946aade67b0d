import StrataCore

/// The build information the Go linker embeds in every executable (Go ≥ 1.13): a 32-byte
/// header starting `\xff Go buildinf:` (16-byte aligned), then either two uvarint-prefixed
/// strings (Go ≥ 1.18, flag bit 2) or two pointers to Go string headers (older), giving the
/// toolchain version (`go1.21.5`) and the module text that `go version -m` prints.
struct GoBuildInfo: Equatable {
    var goVersion: String
    var moduleText: String

    /// Finds and decodes the blob. ELF files are read through their sections and segments (both
    /// formats); PE and Mach-O are searched for the inline format only.
    static func read(_ bytes: [UInt8]) throws(StrataError) -> GoBuildInfo? {
        guard let kind = ExecutableKind.sniff(bytes) else { return nil }
        if kind == .elf {
            let image = try ELFImage(bytes)
            if let section = image.contents(of: ".go.buildinfo") {
                let region = Array(section)
                guard let start = find(in: region) else { return nil }
                return try decode(ByteView(region), at: start, image: image)
            }
            // Every Go linker since 1.13 writes the section, so an ELF file that has a section
            // table without it is not a Go program (C binaries end here, unsearched).
            guard image.sections.isEmpty, let start = find(in: bytes) else { return nil }
            return try decode(ByteView(bytes), at: start, image: image)
        }
        guard let start = find(in: bytes) else { return nil }
        return try decode(ByteView(bytes), at: start, image: nil)
    }

    /// The first header whose magic sits on a 16-byte boundary (as the linker places it).
    static func find(in bytes: [UInt8]) -> Int? {
        let magic = Self.magicBytes
        var at = 0
        while at + 32 <= bytes.count {
            if bytes[at] == magic[0], bytes[at..<(at + magic.count)].elementsEqual(magic) { return at }
            at += 16
        }
        return nil
    }

    static let magicBytes: [UInt8] = [0xFF] + Array(" Go buildinf:".utf8)

    private static func decode(_ view: ByteView, at start: Int, image: ELFImage?) throws(StrataError) -> GoBuildInfo {
        guard let pointerSize = view.uint(start + 14, 1).map(Int.init), let flags = view.uint(start + 15, 1) else {
            throw StrataError(.parseError, "Go build info header truncated")
        }
        if flags & 2 != 0 {
            var cursor = start + 32
            let version = try varintString(view, &cursor), mod = try varintString(view, &cursor)
            return GoBuildInfo(goVersion: text(version), moduleText: stripSentinels(mod))
        }
        guard pointerSize == 4 || pointerSize == 8 else {
            throw StrataError(.parseError, "Go build info pointer size \(pointerSize) is neither 4 nor 8")
        }
        guard let image else {
            throw StrataError(.parseError, "pre-1.18 Go build info (pointer format) is read from ELF files only")
        }
        var pointers = view
        pointers.bigEndian = flags & 1 != 0
        guard let versionAddress = pointers.uint(start + 16, pointerSize), let modAddress = pointers.uint(start + 16 + pointerSize, pointerSize) else {
            throw StrataError(.parseError, "Go build info header truncated")
        }
        let version = try pointedString(image, pointers.bigEndian, pointerSize, versionAddress)
        let mod = try pointedString(image, pointers.bigEndian, pointerSize, modAddress)
        return GoBuildInfo(goVersion: text(version), moduleText: stripSentinels(mod))
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Strings longer than a build info could hold are refused, not allocated.
    static let maxStringLength = 16 << 20

    private static func varintString(_ view: ByteView, _ cursor: inout Int) throws(StrataError) -> [UInt8] {
        var length: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard let byte = view.uint(cursor, 1), shift < 64 else { throw StrataError(.parseError, "Go build info string length truncated") }
            cursor += 1
            length |= (byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard length <= UInt64(maxStringLength), let bytes = view.slice(cursor, Int(length)) else {
            throw StrataError(.parseError, "Go build info string of \(length) bytes runs past the end of the file")
        }
        cursor += Int(length)
        return Array(bytes)
    }

    /// A Go string header (data pointer, length) at `address`, then the bytes it points to.
    private static func pointedString(_ image: ELFImage, _ bigEndian: Bool, _ size: Int, _ address: UInt64) throws(StrataError) -> [UInt8] {
        guard let header = image.read(address: Int(clamping: address), length: 2 * size) else {
            throw StrataError(.parseError, "Go build info points to unmapped address 0x\(String(address, radix: 16))")
        }
        let fields = ByteView(Array(header), bigEndian: bigEndian)
        guard let data = fields.uint(0, size), let length = fields.uint(size, size), length <= UInt64(maxStringLength),
              let bytes = image.read(address: Int(clamping: data), length: Int(length)) else {
            throw StrataError(.parseError, "Go build info string at 0x\(String(address, radix: 16)) is unmapped or too long")
        }
        return Array(bytes)
    }

    /// The module text is wrapped in 16-byte sentinels; without them there is no module info
    /// (a binary built outside module mode). Done on bytes: the sentinels are not UTF-8.
    static func stripSentinels(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 33, bytes[bytes.count - 17] == 0x0A else { return "" }
        return String(decoding: bytes[16..<(bytes.count - 16)], as: UTF8.self)
    }
}
