/// Base64 decoding with Go's `encoding/base64` behaviour and messages, because OPA's errors quote
/// them ("illegal base64 data at input byte 13"). `\r` and `\n` are skipped, as Go does.
enum GoBase64 {
    enum Alphabet { case standard, url }

    struct Failure: Error, Sendable {
        var offset: Int
        var message: String { "illegal base64 data at input byte \(offset)" }
    }

    static func decode(_ text: String, _ alphabet: Alphabet = .standard, padded: Bool = true) -> Result<[UInt8], Failure> {
        let table = alphabet == .standard ? standardTable : urlTable
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var quantum: [UInt8] = []
        var index = 0
        var padStart: Int?
        var padCount = 0
        for byte in text.utf8 {
            defer { index += 1 }
            if byte == 0x0A || byte == 0x0D { continue }
            if byte == 0x3D {  // '='
                guard padded, quantum.count >= 2 else { return .failure(Failure(offset: index)) }
                if padStart == nil { padStart = index }
                padCount += 1
                if padCount > 4 - quantum.count { return .failure(Failure(offset: index)) }
                continue
            }
            if padStart != nil { return .failure(Failure(offset: index)) }
            let v = table[Int(byte)]
            guard v != 0xFF else { return .failure(Failure(offset: index)) }
            quantum.append(v)
            if quantum.count == 4 {
                out.append(quantum[0] << 2 | quantum[1] >> 4)
                out.append(quantum[1] << 4 | quantum[2] >> 2)
                out.append(quantum[2] << 6 | quantum[3])
                quantum.removeAll(keepingCapacity: true)
            }
        }
        switch quantum.count {
        case 0: break
        case 1: return .failure(Failure(offset: index - (padStart == nil ? 0 : padCount) - 1))
        default:
            if padded, padStart == nil || padCount != 4 - quantum.count { return .failure(Failure(offset: index)) }
            out.append(quantum[0] << 2 | quantum[1] >> 4)
            if quantum.count == 3 { out.append(quantum[1] << 4 | quantum[2] >> 2) }
        }
        return .success(out)
    }

    /// OPA's base64url decoding: padding is added when missing (RFC 7515 appendix C).
    static func decodeURLLenient(_ text: String) -> Result<[UInt8], Failure> {
        var s = text
        if !s.hasSuffix("=") {
            switch s.utf8.count % 4 {
            case 2: s += "=="
            case 3: s += "="
            default: break
            }
        }
        return decode(s, .url)
    }

    static func encode(_ bytes: [UInt8], _ alphabet: Alphabet = .standard, padded: Bool = true) -> String {
        let chars = Array((alphabet == .standard ? standardChars : urlChars).utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for shift in [18, 12, 6, 0] { out.append(chars[Int(n >> UInt32(shift) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            var n = UInt32(bytes[i]) << 16
            if rest == 2 { n |= UInt32(bytes[i + 1]) << 8 }
            out.append(chars[Int(n >> 18 & 63)])
            out.append(chars[Int(n >> 12 & 63)])
            if rest == 2 { out.append(chars[Int(n >> 6 & 63)]) }
            if padded { out += Array(repeating: 0x3D, count: 3 - rest) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let standardChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    static let urlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    static let standardTable = table(standardChars)
    static let urlTable = table(urlChars)

    static func table(_ chars: String) -> [UInt8] {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in chars.utf8.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }
}
