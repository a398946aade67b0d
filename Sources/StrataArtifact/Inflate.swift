import Foundation
import StrataCore
import ZIPFoundation

/// Raw DEFLATE decompression, bounded: ZIPFoundation's zlib stream, fed by a provider that never
/// reads past the given bytes, stopping with `file-too-large` once the output passes `limit`
/// (a decompression bomb costs at most `limit` bytes). Shared by zip entries and git objects.
public enum Inflate {
    static let chunk = 64 << 10

    /// The decompressed bytes and their CRC-32.
    public static func raw(_ input: [UInt8], limit: Int) throws(StrataError) -> (bytes: [UInt8], crc32: UInt32) {
        var out = [UInt8]()
        let outcome = try stream(input, limit: Int64(limit)) { (produced: Data) throws(StrataError) in out += produced }
        return (out, outcome.crc32)
    }

    /// Streams the decompressed bytes to `consumer` in pieces of up to `chunk` bytes, and returns
    /// how many there were and their CRC-32 (0 with `crc32: false`: ZIPFoundation's CRC is about a
    /// third of the inflate time, and callers that hash the output anyway can skip it). Past
    /// `limit` output bytes it stops with `file-too-large`.
    public static func stream<C: RandomAccessCollection<UInt8>>(
        _ input: C, limit: Int64, crc32: Bool = true, consumer: (Data) throws(StrataError) -> Void
    ) throws(StrataError) -> (count: Int64, crc32: UInt32) where C.Index == Int {
        var produced: Int64 = 0
        do {
            let checksum = try Data.decompress(size: Int64(input.count), bufferSize: chunk, skipCRC32: !crc32, provider: { position, size in
                // Always a full buffer (zero-padded past the end): zlib is told `size` bytes are
                // there. Past the data plus one buffer, the stream is corrupt.
                let start = Int(position)
                guard start <= input.count + size else { throw StrataError(.parseError, "deflate stream does not end") }
                var piece = Data(count: size)
                if start < input.count {
                    let end = min(input.count, start + size)
                    let base = input.startIndex
                    piece.replaceSubrange(0..<(end - start), with: input[(base + start)..<(base + end)])
                }
                return piece
            }, consumer: { piece in
                produced += Int64(piece.count)
                if produced > limit { throw StrataError(.fileTooLarge, "data decompresses to more than \(limit) bytes (decompression bomb?)") }
                try consumer(piece)
            })
            return (produced, checksum)
        } catch let error as StrataError {
            throw error
        } catch {
            throw StrataError(.parseError, "deflate data cannot be inflated (\(error))")
        }
    }

    /// A zlib stream (RFC 1950: a two-byte header, DEFLATE data, an Adler-32 of the output in the
    /// last four bytes of `input`), as git stores objects.
    public static func zlib(_ input: ArraySlice<UInt8>, limit: Int) throws(StrataError) -> [UInt8] {
        guard input.count >= 6 else { throw StrataError(.parseError, "zlib stream is truncated") }
        let cmf = input[input.startIndex], flg = input[input.startIndex + 1]
        guard cmf & 0x0F == 8, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0, flg & 0x20 == 0 else {
            throw StrataError(.parseError, "not a zlib stream (bad header)")
        }
        let out = try raw(Array(input.dropFirst(2)), limit: limit).bytes
        let tail = input.suffix(4)
        let stored = tail.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard adler32(out) == stored else { throw StrataError(.parseError, "zlib checksum does not match (corrupt data)") }
        return out
    }

    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < bytes.count {
            // 5552 bytes is the most that cannot overflow before the modulo.
            let end = min(bytes.count, i + 5552)
            while i < end {
                a &+= UInt32(bytes[i])
                b &+= a
                i += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }
}
