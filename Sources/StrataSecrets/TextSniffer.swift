/// Decides whether bytes are text worth scanning, and makes text bytes valid UTF-8 so that byte
/// offsets and string offsets agree.
public enum TextSniffer {
    public static let sniffLength = 1024
    /// More than this share of invalid UTF-8 bytes in the first KB makes a file binary.
    public static let maxInvalidRatio = 0.10

    public enum Verdict: Equatable, Sendable { case text, binaryNUL, binaryInvalidUTF8 }

    public static func verdict(_ bytes: [UInt8]) -> Verdict {
        let head = bytes.prefix(sniffLength)
        if head.contains(0) { return .binaryNUL }
        let invalid = invalidPositions(Array(head), stopAtEnd: true).count
        if head.count > 0, Double(invalid) / Double(head.count) > maxInvalidRatio { return .binaryInvalidUTF8 }
        return .text
    }

    /// Replaces every byte that is not part of a valid UTF-8 sequence (and every NUL) with `?`;
    /// returns nil when nothing had to change.
    public static func sanitized(_ bytes: [UInt8]) -> [UInt8]? {
        if isPlainASCII(bytes) { return nil }
        let bad = invalidPositions(bytes, stopAtEnd: false)
        let nuls = bytes.withUnsafeBufferPointer { $0.contains(0) }
        guard !bad.isEmpty || nuls else { return nil }
        var out = bytes
        for i in bad { out[i] = 0x3F }
        if nuls { for i in out.indices where out[i] == 0 { out[i] = 0x3F } }
        return out
    }

    /// ASCII without NUL, the common case, needs no sanitizing; checked eight bytes at a time.
    static func isPlainASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let highBit: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
                if w & highBit != 0 || (w &- ones) & ~w & highBit != 0 { return false }
                i += 8
            }
            while i < n {
                if raw[i] == 0 || raw[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }
    }

    /// Offsets of bytes outside valid UTF-8 sequences. With `stopAtEnd`, a sequence cut off by
    /// the end of the buffer is not counted (the sniff window ends anywhere).
    static func invalidPositions(_ bytes: [UInt8], stopAtEnd: Bool) -> [Int] {
        var bad: [Int] = []
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    // Skip ASCII eight bytes at a time.
                    if i + 8 <= n, UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 } else { i += 1 }
                    continue
                }
                let len: Int
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: len = 2
                case 0xE0: len = 3; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: len = 3
                case 0xED: len = 3; hi = 0x9F
                case 0xF0: len = 4; lo = 0x90
                case 0xF1...0xF3: len = 4
                case 0xF4: len = 4; hi = 0x8F
                default: bad.append(i); i += 1; continue
                }
                if i + len > n, stopAtEnd { break }
                var ok = i + len <= n
                if ok {
                    for k in 1..<len {
                        let c = p[i + k]
                        let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                        if c < l || c > h { ok = false; break }
                    }
                }
                if ok { i += len } else { bad.append(i); i += 1 }
            }
        }
        return bad
    }
}
