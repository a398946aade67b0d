import BigInt
import StrataRegoAST

/// `uuid.parse`: version, variant and, for versions 1 and 2, time, clock sequence and node fields.
enum UUIDParse {
    static let builtins: [Builtin] = [
        // OPA: a string that is not a UUID makes the call undefined, not an error.
        .unary("uuid.parse") { (v) throws(BuiltinError) in try? parse(try v.string(1)) },
    ]

    static func parse(_ text: String) throws(BuiltinError) -> Value {
        let b = try bytes(text)
        var out: [Value: Value] = [.string("version"): .int(Int(b[6] >> 4)), .string("variant"): .string(variant(b[8]))]
        let version = b[6] >> 4
        guard version == 1 || version == 2 else { return .object(out) }
        let timeLow = b[0..<4].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let timeMid = UInt64(b[4]) << 8 | UInt64(b[5])
        let timeHigh = (UInt64(b[6]) << 8 | UInt64(b[7])) & 0x0fff
        let timestamp = BigInt(timeHigh << 48 | timeMid << 32 | timeLow)
        out[.string("time")] = .number(.int((timestamp - BigInt(0x01B2_1DD2_1381_4000)) * 100))
        out[.string("clocksequence")] = .int(Int((UInt16(b[8]) << 8 | UInt16(b[9])) & 0x3fff))
        out[.string("nodeid")] = .string(b[10..<16].map { hex($0) }.joined(separator: "-"))
        out[.string("macvariables")] = .string((b[10] & 0x02 != 0 ? "local" : "global") + ":" + (b[10] & 0x01 != 0 ? "multicast" : "unicast"))
        if version == 2 {
            let domains = ["Person", "Group", "Org"]
            out[.string("domain")] = .string(Int(b[9]) < domains.count ? domains[Int(b[9])] : "Domain\(b[9])")
            out[.string("id")] = .int(Int(timeLow))
        }
        return .object(out)
    }

    static func bytes(_ raw: String) throws(BuiltinError) -> [UInt8] {
        var text = raw.lowercased()
        if text.hasPrefix("urn:uuid:") { text.removeFirst(9) }
        if text.hasPrefix("{"), text.hasSuffix("}") { text = String(text.dropFirst().dropLast()) }
        if text.count == 36 {
            let chars = Array(text)
            guard [8, 13, 18, 23].allSatisfy({ chars[$0] == "-" }) else { throw BuiltinError("invalid UUID format") }
            text.removeAll { $0 == "-" }
        }
        let chars = Array(text.utf8)
        guard chars.count == 32 else { throw BuiltinError("invalid UUID length: \(raw.count)") }
        var out: [UInt8] = []
        for i in stride(from: 0, to: 32, by: 2) {
            guard let byte = UInt8(String(decoding: chars[i...i + 1], as: UTF8.self), radix: 16) else { throw BuiltinError("invalid UUID format") }
            out.append(byte)
        }
        return out
    }

    static func variant(_ b: UInt8) -> String {
        if b & 0x80 == 0 { return "Reserved, NCS backward compatibility" }
        if b & 0xc0 == 0x80 { return "RFC4122" }
        if b & 0xe0 == 0xc0 { return "Reserved, Microsoft Corporation backward compatibility" }
        return "Reserved, future definition"
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16)
        return s.count == 1 ? "0" + s : s
    }
}
