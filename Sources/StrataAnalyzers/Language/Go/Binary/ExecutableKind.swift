/// Executable formats recognised by their first bytes, so only files that look like programs
/// are searched for embedded data.
enum ExecutableKind: CaseIterable {
    case elf, pe, machO

    /// Magic numbers per format: ELF `\x7fELF`, PE's DOS stub `MZ`, Mach-O thin (both
    /// endiannesses, 32/64-bit) and fat/universal.
    static let signatures: [(ExecutableKind, [UInt8])] = [
        (.elf, [0x7F, 0x45, 0x4C, 0x46]),
        (.pe, [0x4D, 0x5A]),
        (.machO, [0xFE, 0xED, 0xFA, 0xCE]), (.machO, [0xCE, 0xFA, 0xED, 0xFE]),
        (.machO, [0xFE, 0xED, 0xFA, 0xCF]), (.machO, [0xCF, 0xFA, 0xED, 0xFE]),
        (.machO, [0xCA, 0xFE, 0xBA, 0xBE]),
    ]

    static func sniff(_ bytes: [UInt8]) -> ExecutableKind? {
        signatures.first { bytes.starts(with: $0.1) }?.0
    }
}
