import Foundation
import StrataArtifact
import StrataCore

/// One packfile with its index. Entries are read with one positioned read each, not memory-mapped:
/// a pack truncated while mapped would end the process with SIGBUS, a read just comes back short.
/// An entry's compressed bytes run to the next entry's offset (offsets sorted from the index), so
/// each inflate sees exactly its own data. Not thread-safe (one file position).
final class GitPack: @unchecked Sendable {
    let index: GitPackIndex
    private let file: FileHandle
    private let size: Int
    private let path: String
    /// Entry offsets in pack order, and the end of the last entry (the trailing checksum's start).
    private let sortedOffsets: [Int]

    init(pack packPath: String, index indexPath: String) throws(StrataError) {
        path = packPath
        guard let idx = FileManager.default.contents(atPath: indexPath) else { throw StrataError(.fileUnreadable, "\(indexPath): cannot read") }
        index = try GitPackIndex([UInt8](idx), path: indexPath)
        guard let handle = FileHandle(forReadingAtPath: packPath), let end = try? handle.seekToEnd() else {
            throw StrataError(.fileUnreadable, "\(packPath): cannot read")
        }
        file = handle
        size = Int(end)
        let header = (try? Self.read(handle, 0..<4)) ?? []
        guard size >= 32, header == Array("PACK".utf8) else { throw StrataError(.parseError, "\(packPath): not a packfile") }
        var offsets: [Int] = []
        offsets.reserveCapacity(index.count)
        for i in 0..<index.count {
            guard let o = index.offset(at: i), o >= 12, o < size - 20 else { throw StrataError(.parseError, "\(indexPath): entry \(i) points outside the pack") }
            offsets.append(o)
        }
        sortedOffsets = offsets.sorted()
    }

    /// Where the entry at `offset` ends.
    func end(of offset: Int) -> Int {
        var lo = 0, hi = sortedOffsets.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedOffsets[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sortedOffsets.count ? sortedOffsets[lo] : size - 20
    }

    private static func read(_ handle: FileHandle, _ range: Range<Int>) throws -> [UInt8] {
        try handle.seek(toOffset: UInt64(range.lowerBound))
        return [UInt8](try handle.read(upToCount: range.count) ?? Data())
    }

    enum Entry {
        case whole(GitObjectType, [UInt8])
        case offsetDelta(base: Int, delta: [UInt8])
        case refDelta(base: GitObjectID, delta: [UInt8])
    }

    /// The entry at `offset`, inflated (a delta still needs its base).
    func entry(at offset: Int, limit: Int) throws(StrataError) -> Entry {
        let end = end(of: offset)
        guard let bytes = try? Self.read(file, offset..<end), bytes.count == end - offset else {
            throw StrataError(.fileUnreadable, "\(path): cannot read the entry at \(offset)")
        }
        var i = 0
        guard !bytes.isEmpty else { throw StrataError(.parseError, "\(path): empty entry at \(offset)") }
        var c = bytes[0]
        let type = Int(c >> 4) & 7
        var size = Int(c & 0x0F), shift = 4
        i = 1
        while c & 0x80 != 0 {
            guard i < bytes.count, shift < 56 else { throw StrataError(.parseError, "\(path): entry header at \(offset) is truncated") }
            c = bytes[i]
            i += 1
            size |= Int(c & 0x7F) << shift
            shift += 7
        }
        guard size <= limit else { throw StrataError(.fileTooLarge, "object is over the \(limit)-byte limit") }
        switch type {
        case 1...4:
            let data = try Inflate.zlib(bytes[i...], limit: size)
            guard data.count == size else { throw StrataError(.parseError, "\(path): entry at \(offset) inflates to \(data.count) bytes, not \(size)") }
            return .whole(GitObjectType(rawValue: type)!, data)
        case 6:
            guard i < bytes.count else { throw StrataError(.parseError, "\(path): delta at \(offset) is truncated") }
            c = bytes[i]
            i += 1
            var back = Int(c & 0x7F)
            while c & 0x80 != 0 {
                guard i < bytes.count, back < 1 << 48 else { throw StrataError(.parseError, "\(path): delta offset at \(offset) is truncated") }
                c = bytes[i]
                i += 1
                back = ((back + 1) << 7) | Int(c & 0x7F)
            }
            guard back > 0, back <= offset - 12 else { throw StrataError(.parseError, "\(path): delta at \(offset) points outside the pack") }
            return .offsetDelta(base: offset - back, delta: try Inflate.zlib(bytes[i...], limit: size))
        case 7:
            guard i + 20 <= bytes.count, let base = GitObjectID(bytes: bytes[i..<(i + 20)]) else {
                throw StrataError(.parseError, "\(path): delta at \(offset) is truncated")
            }
            return .refDelta(base: base, delta: try Inflate.zlib(bytes[(i + 20)...], limit: size))
        default:
            throw StrataError(.parseError, "\(path): entry at \(offset) has unknown type \(type)")
        }
    }
}
