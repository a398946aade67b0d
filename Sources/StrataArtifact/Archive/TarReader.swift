import StrataCore

/// What a `TarReader` tells its user, member by member.
public protocol TarVisitor {
    /// A member begins; return true to receive its data through `content`.
    mutating func begin(_ entry: TarEntry) throws(StrataError) -> Bool
    mutating func content(_ bytes: UnsafeRawBufferPointer) throws(StrataError)
    /// The member's data (wanted or not) has all been seen.
    mutating func end(_ entry: TarEntry) throws(StrataError)
}

/// A streaming tar parser: bytes go in by `feed` in chunks of any size (a decompressor's output,
/// or a whole mapped file), members come out through a `TarVisitor`. Memory is bounded by one
/// header block and the pax/GNU long-name records (at most `maxMetadata` bytes each); member data
/// is passed through, never collected.
public struct TarReader {
    public static let maxMetadata = 1 << 20

    enum State {
        case header
        case metadata(typeflag: UInt8, remaining: Int64, padding: Int64)
        case data(TarEntry, remaining: Int64, padding: Int64, wanted: Bool)
        case padding(Int64)
        case oneZeroBlock
        case finished
    }

    var state = State.header
    var block: [UInt8] = []
    var metadata: [UInt8] = []
    /// Offset in the stream of the next byte fed.
    var offset: Int64 = 0
    var headerOffset: Int64 = 0
    // The next member's name, link and size from a pax 'x' or GNU 'L'/'K' record.
    var nextPath: [UInt8]?
    var nextLink: [UInt8]?
    var nextSize: Int64?

    public init() {}

    public mutating func feed<V: TarVisitor>(_ bytes: UnsafeRawBufferPointer, to visitor: inout V) throws(StrataError) {
        var i = 0
        while i < bytes.count {
            switch state {
            case .finished:
                // Past the end-of-archive blocks: writers pad to a record size; ignore the rest.
                offset += Int64(bytes.count - i)
                return
            case .header, .oneZeroBlock:
                if block.isEmpty { headerOffset = offset }
                let take = min(TarHeader.blockSize - block.count, bytes.count - i)
                block += UnsafeRawBufferPointer(rebasing: bytes[i..<(i + take)])
                i += take
                offset += Int64(take)
                if block.count == TarHeader.blockSize {
                    let full = block
                    block.removeAll(keepingCapacity: true)
                    try headerBlock(full, visitor: &visitor)
                }
            case .metadata(let typeflag, let remaining, let padding):
                let take = Int(min(remaining, Int64(bytes.count - i)))
                metadata += UnsafeRawBufferPointer(rebasing: bytes[i..<(i + take)])
                i += take
                offset += Int64(take)
                if remaining - Int64(take) > 0 {
                    state = .metadata(typeflag: typeflag, remaining: remaining - Int64(take), padding: padding)
                } else {
                    try applyMetadata(typeflag)
                    state = padding > 0 ? .padding(padding) : .header
                }
            case .data(let entry, let remaining, let padding, let wanted):
                let take = Int(min(remaining, Int64(bytes.count - i)))
                if wanted && take > 0 { try visitor.content(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + take)])) }
                i += take
                offset += Int64(take)
                if remaining - Int64(take) > 0 {
                    state = .data(entry, remaining: remaining - Int64(take), padding: padding, wanted: wanted)
                } else {
                    try visitor.end(entry)
                    state = padding > 0 ? .padding(padding) : .header
                }
            case .padding(let remaining):
                let take = Int(min(remaining, Int64(bytes.count - i)))
                i += take
                offset += Int64(take)
                state = remaining - Int64(take) > 0 ? .padding(remaining - Int64(take)) : .header
            }
        }
    }

    /// The stream has ended. A stream that stops cleanly after a member's data is accepted without
    /// the padding and the two zero blocks (some image tools write layers so); one cut inside a
    /// member is not.
    public func finish() throws(StrataError) {
        switch state {
        case .finished, .oneZeroBlock: return
        case .header:
            if !block.isEmpty { throw StrataError(.parseError, "tar archive is truncated inside the header at byte \(headerOffset)") }
        case .padding:
            // The last member's data is complete and only its zero padding is missing (umoci
            // writes layers so): nothing is lost.
            return
        case .metadata:
            throw StrataError(.parseError, "tar archive is truncated inside a metadata record at byte \(offset)")
        case .data(let entry, let remaining, _, _):
            throw StrataError(.parseError, "tar archive is truncated: member '\(entry.shortName)' lacks \(remaining) of its \(entry.size) bytes")
        }
    }

    mutating func headerBlock<V: TarVisitor>(_ raw: [UInt8], visitor: inout V) throws(StrataError) {
        if TarHeader.isZero(raw) {
            if case .oneZeroBlock = state { state = .finished } else { state = .oneZeroBlock }
            return
        }
        // A lone zero block followed by more members: GNU tar reads on, and so do we.
        let fields = try TarHeader.parse(raw, at: headerOffset)
        switch fields.typeflag {
        case UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "K"):
            guard fields.size <= Int64(TarReader.maxMetadata) else {
                throw StrataError(.fileTooLarge, "tar metadata record at byte \(headerOffset) is \(fields.size) bytes (limit \(TarReader.maxMetadata))")
            }
            metadata.removeAll(keepingCapacity: true)
            if fields.size == 0 {
                try applyMetadata(fields.typeflag)
                state = .header
            } else {
                state = .metadata(typeflag: fields.typeflag, remaining: fields.size, padding: TarHeader.padding(fields.size))
            }
            return
        default: break
        }
        let kind: TarEntry.Kind = switch fields.typeflag {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): .file
        case UInt8(ascii: "5"): .directory
        case UInt8(ascii: "2"): .symlink
        case UInt8(ascii: "1"): .hardlink
        default: .other(fields.typeflag)
        }
        var name = nextPath ?? fields.name
        let link = nextLink ?? fields.linkName
        let size = nextSize ?? fields.size
        nextPath = nil
        nextLink = nil
        nextSize = nil
        var entry = TarEntry(name: name, kind: kind, size: size, mode: fields.mode, linkName: link, dataOffset: offset)
        // Old v7 archives mark directories only by a trailing slash on a regular-file header.
        if case .file = kind, name.last == UInt8(ascii: "/") {
            name.removeLast()
            entry.name = name
            entry.kind = .directory
        }
        // Directories and links have no content, whatever their size field says; any data there is skipped.
        switch entry.kind {
        case .directory, .symlink, .hardlink: entry.size = 0
        default: break
        }
        let wanted = try visitor.begin(entry)
        if size == 0 {
            try visitor.end(entry)
            state = .header
        } else {
            state = .data(entry, remaining: size, padding: TarHeader.padding(size), wanted: wanted && entry.size > 0)
        }
    }

    mutating func applyMetadata(_ typeflag: UInt8) throws(StrataError) {
        defer { metadata.removeAll(keepingCapacity: true) }
        switch typeflag {
        case UInt8(ascii: "L"), UInt8(ascii: "K"):
            var value = metadata
            while value.last == 0 { value.removeLast() }
            if typeflag == UInt8(ascii: "L") { nextPath = value } else { nextLink = value }
        default:
            let records = try TarHeader.paxRecords(metadata, at: headerOffset)
            // A global ('g') record sets defaults for the archive; none of them matters here, but it is still checked.
            guard typeflag == UInt8(ascii: "x") else { return }
            if let path = records["path"] { nextPath = path }
            if let link = records["linkpath"] { nextLink = link }
            if let size = records["size"] {
                guard let parsed = Int64(String(decoding: size, as: UTF8.self)), parsed >= 0 else {
                    throw StrataError(.parseError, "pax header at byte \(headerOffset): bad size '\(String(decoding: size, as: UTF8.self))'")
                }
                nextSize = parsed
            }
        }
    }
}
