/// Minimal ELF executables carrying Go build info, written at test time: one PT_LOAD segment
/// mapping the whole file at `base`, a `.go.buildinfo` section and a section name table.
/// `inline` writes the Go ≥ 1.18 varint format; otherwise the older pointer format, with Go
/// string headers (pointer, length) in the same segment.
struct GoBinaryBuilder {
    var is64 = true
    var bigEndian = false
    var inline = true
    var goVersion = "go1.21.5"
    var moduleText = ""
    var withSections = true
    static let base = 0x40_0000

    /// The module text framed by the linker's 16-byte sentinels.
    static func framed(_ text: String) -> [UInt8] {
        let open: [UInt8] = [0x30, 0x77, 0xAF, 0x0C, 0x92, 0x74, 0x08, 0x02, 0x41, 0xE1, 0xC1, 0x07, 0xE6, 0xD6, 0x18, 0xE6]
        let close: [UInt8] = [0xF9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xD8, 0xF2]
        return open + Array(text.utf8) + close
    }

    func build() -> [UInt8] {
        let word = is64 ? 8 : 4
        let headerSize = is64 ? 64 : 52, phSize = is64 ? 56 : 32, shSize = is64 ? 64 : 40
        var out = [UInt8](repeating: 0, count: 0x100)
        // Build info at 0x100.
        let infoStart = out.count
        out += [0xFF] + Array(" Go buildinf:".utf8) + [UInt8(word), (inline ? 2 : 0) | (bigEndian ? 1 : 0)]
        let mod = moduleText.isEmpty ? [] : Self.framed(moduleText)
        if inline {
            out += [UInt8](repeating: 0, count: 16)
            out += varint(goVersion.utf8.count) + Array(goVersion.utf8) + varint(mod.count) + mod
        } else {
            // Two pointers (then padding to the 32-byte header's end) to string headers after it.
            let headers = infoStart + 32
            let versionData = headers + 4 * word, modData = versionData + goVersion.utf8.count
            out += int(Self.base + headers, word) + int(Self.base + headers + 2 * word, word)
            out += [UInt8](repeating: 0, count: 16 - 2 * word)
            out += int(Self.base + versionData, word) + int(goVersion.utf8.count, word)
            out += int(Self.base + modData, word) + int(mod.count, word)
            out += Array(goVersion.utf8) + mod
        }
        let infoSize = out.count - infoStart
        let names = Array("\0.go.buildinfo\0.shstrtab\0".utf8)
        let namesAt = out.count
        out += names
        while out.count % 8 != 0 { out.append(0) }
        let sectionsAt = out.count
        if withSections {
            out += [UInt8](repeating: 0, count: shSize)  // SHN_UNDEF
            out += section(name: 1, type: 1, address: Self.base + infoStart, offset: infoStart, size: infoSize)
            out += section(name: 15, type: 3, address: 0, offset: namesAt, size: names.count)
        }
        // ELF header and the one program header.
        var header: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, is64 ? 2 : 1, bigEndian ? 2 : 1, 1, 0] + [UInt8](repeating: 0, count: 8)
        header += int(2, 2) + int(is64 ? 62 : 3, 2) + int(1, 4) + int(Self.base, word)
        header += int(headerSize, word) + int(withSections ? sectionsAt : 0, word) + int(0, 4)
        header += int(headerSize, 2) + int(phSize, 2) + int(1, 2) + int(shSize, 2) + int(withSections ? 3 : 0, 2) + int(withSections ? 2 : 0, 2)
        var program = int(1, 4)
        if is64 {
            program += int(5, 4) + int(0, 8) + int(Self.base, 8) + int(Self.base, 8) + int(out.count, 8) + int(out.count, 8) + int(0x1000, 8)
        } else {
            program += int(0, 4) + int(Self.base, 4) + int(Self.base, 4) + int(out.count, 4) + int(out.count, 4) + int(5, 4) + int(0x1000, 4)
        }
        out.replaceSubrange(0..<header.count, with: header)
        out.replaceSubrange(headerSize..<(headerSize + program.count), with: program)
        return out
    }

    private func section(name: Int, type: Int, address: Int, offset: Int, size: Int) -> [UInt8] {
        if is64 {
            return int(name, 4) + int(type, 4) + int(2, 8) + int(address, 8) + int(offset, 8) + int(size, 8) + int(0, 4) + int(0, 4) + int(16, 8) + int(0, 8)
        }
        return int(name, 4) + int(type, 4) + int(2, 4) + int(address, 4) + int(offset, 4) + int(size, 4) + int(0, 4) + int(0, 4) + int(16, 4) + int(0, 4)
    }

    private func int(_ value: Int, _ size: Int) -> [UInt8] {
        let le = (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        return bigEndian ? le.reversed() : le
    }

    private func varint(_ value: Int) -> [UInt8] {
        var v = value, out: [UInt8] = []
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        return out + [UInt8(v)]
    }
}
