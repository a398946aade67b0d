import Foundation
import StrataCore

/// gzip (RFC 1952) members, as image layers and `docker save | gzip` archives are stored: the
/// header is parsed here, the DEFLATE body goes through `Inflate.stream`, and the trailer's CRC-32
/// and length are checked against what came out.
public enum Gzip {
    public static func isGzip<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> Bool where C.Index == Int {
        bytes.count >= 2 && bytes[bytes.startIndex] == 0x1F && bytes[bytes.startIndex + 1] == 0x8B
    }

    /// Decompresses one gzip member, streaming the output to `consumer`; returns the output size.
    /// `checkCRC: false` leaves out the CRC-32 for callers that check a stronger digest of the
    /// output (an image layer's diff id); the stored length is always checked.
    @discardableResult
    public static func stream<C: RandomAccessCollection<UInt8>>(
        _ input: C, limit: Int64, checkCRC: Bool = true, consumer: (Data) throws(StrataError) -> Void
    ) throws(StrataError) -> Int64 where C.Index == Int {
        let body = try bodyStart(input)
        let base = input.startIndex
        let outcome = try Inflate.stream(input[(base + body)..<(base + input.count - 8)], limit: limit, crc32: checkCRC, consumer: consumer)
        let trailer = input[(base + input.count - 8)...]
        func le32(_ at: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(trailer[trailer.startIndex + at + $1]) << (8 * UInt32($1)) }
        }
        guard !checkCRC || le32(0) == outcome.crc32 else {
            throw StrataError(.parseError, "gzip data is corrupt: the CRC-32 does not match (or the file holds more than one gzip member)")
        }
        guard le32(4) == UInt32(truncatingIfNeeded: outcome.count) else {
            throw StrataError(.parseError, "gzip data is corrupt: the stored length does not match")
        }
        return outcome.count
    }

    /// Offset of the DEFLATE data after the header and its optional fields.
    static func bodyStart<C: RandomAccessCollection<UInt8>>(_ input: C) throws(StrataError) -> Int where C.Index == Int {
        let b = input.startIndex
        guard input.count >= 18, isGzip(input) else { throw StrataError(.parseError, "not gzip data (too short or bad magic)") }
        guard input[b + 2] == 8 else { throw StrataError(.parseError, "gzip data uses compression method \(input[b + 2]), not DEFLATE") }
        let flags = input[b + 3]
        guard flags & 0xE0 == 0 else { throw StrataError(.parseError, "gzip header has reserved flags set") }
        var at = 10
        func need(_ n: Int) throws(StrataError) {
            guard at + n <= input.count - 8 else { throw StrataError(.parseError, "gzip header is truncated") }
        }
        if flags & 0x04 != 0 {  // FEXTRA
            try need(2)
            let length = Int(input[b + at]) | Int(input[b + at + 1]) << 8
            at += 2
            try need(length)
            at += length
        }
        for flag in [UInt8(0x08), 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: NUL-terminated
            while true {
                try need(1)
                at += 1
                if input[b + at - 1] == 0 { break }
            }
        }
        if flags & 0x02 != 0 {  // FHCRC
            try need(2)
            at += 2
        }
        return at
    }
}
