/// One member of a tar archive, after pax and GNU long-name records have been applied.
public struct TarEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file, directory, symlink, hardlink
        /// Devices, FIFOs, sparse files and other types a scan has no use for; their data (if any) is skipped.
        case other(UInt8)
    }

    /// The member name as stored: bytes, `/`-separated, possibly not UTF-8, possibly hostile (`../x`).
    public var name: [UInt8]
    public var kind: Kind
    public var size: Int64
    public var mode: UInt32
    /// Link target of a symlink or hardlink.
    public var linkName: [UInt8]
    /// Offset of the member's data in the (uncompressed) stream, for readers that keep the bytes.
    public var dataOffset: Int64

    public var displayName: String { String(decoding: name, as: UTF8.self) }

    /// The name for messages: a pax name can be a megabyte long, so long ones are cut.
    public var shortName: String {
        name.count <= 200 ? displayName : String(decoding: name.prefix(120), as: UTF8.self) + "…(\(name.count) bytes)"
    }
}
