import Foundation
import StrataRegoAST

/// `base64*`, `hex.*`, `urlquery.*`, `json.*` (marshal/unmarshal/is_valid), `yaml.*`.
enum Encoding {
    static let builtins: [Builtin] = base64 + text

    static let base64: [Builtin] = [
        .unary("base64.encode") { (s) throws(BuiltinError) in .string(Data(try s.string(1).utf8).base64EncodedString()) },
        .unary("base64.decode") { (s) throws(BuiltinError) in try decodeBase64(try s.string(1), url: false) },
        .unary("base64.is_valid") { (s) throws(BuiltinError) in .bool(Data(base64Encoded: try s.string(1)) != nil) },
        .unary("base64url.encode") { (s) throws(BuiltinError) in .string(urlSafe(Data(try s.string(1).utf8).base64EncodedString())) },
        .unary("base64url.encode_no_pad") { (s) throws(BuiltinError) in
            .string(urlSafe(Data(try s.string(1).utf8).base64EncodedString()).replacingOccurrences(of: "=", with: ""))
        },
        .unary("base64url.decode") { (s) throws(BuiltinError) in try decodeBase64(try s.string(1), url: true) },
        .unary("hex.encode") { (s) throws(BuiltinError) in .string(try s.string(1).utf8.map { String(format: "%02x", $0) }.joined()) },
        .unary("hex.decode") { (s) throws(BuiltinError) in
            let bytes = Array(try s.string(1).utf8)
            guard bytes.count % 2 == 0 else { throw BuiltinError("encoding/hex: odd length hex string") }
            var out: [UInt8] = []
            for i in stride(from: 0, to: bytes.count, by: 2) {
                guard let b = UInt8(String(decoding: bytes[i...i + 1], as: UTF8.self), radix: 16) else {
                    throw BuiltinError("encoding/hex: invalid byte")
                }
                out.append(b)
            }
            return .string(String(decoding: out, as: UTF8.self))
        },
    ]

    static let text: [Builtin] = [
        .unary("json.marshal") { .string($0.jsonString()) },
        .unary("json.unmarshal") { (s) throws(BuiltinError) in
            let text = try s.string(1)
            do { return try JSONReader.parse(text) } catch let failure as JSONReader.Failure { throw BuiltinError(failure.message) } catch { throw BuiltinError("\(error)") }
        },
        .unary("json.is_valid") { (s) throws(BuiltinError) in
            guard case .string(let text) = s else { return .false }
            return .bool((try? JSONReader.parse(text)) != nil)
        },
        .unary("yaml.marshal") { .string(YAMLWriter.write($0)) },
        .unary("yaml.unmarshal") { (s) throws(BuiltinError) in
            do { return try YAMLConversion.parseStream(try s.string(1)) ?? .null } catch { throw BuiltinError("yaml: \(error)") }
        },
        .unary("yaml.is_valid") { (s) throws(BuiltinError) in
            guard case .string(let text) = s else { return .false }
            return .bool((try? YAMLConversion.parseStream(text)) != nil)
        },
        .unary("urlquery.encode") { (s) throws(BuiltinError) in .string(URLQuery.escape(try s.string(1))) },
        .unary("urlquery.decode") { (s) throws(BuiltinError) in .string(try URLQuery.unescape(try s.string(1))) },
        .unary("urlquery.encode_object", URLQuery.encodeObject),
        .unary("urlquery.decode_object", URLQuery.decodeObject),
    ]

    static func urlSafe(_ s: String) -> String {
        s.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    static func decodeBase64(_ s: String, url: Bool) throws(BuiltinError) -> Value {
        var text = url ? s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") : s
        if url, text.count % 4 != 0 { text += String(repeating: "=", count: 4 - text.count % 4) }
        guard let data = Data(base64Encoded: text) else { throw BuiltinError("illegal base64 data at input byte 0") }
        return .string(String(decoding: data, as: UTF8.self))
    }
}

/// Go `net/url` query escaping.
enum URLQuery {
    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)

    static func escape(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if unreserved.contains(b) { out.append(Character(Unicode.Scalar(b))) } else if b == 0x20 { out += "+" } else { out += String(format: "%%%02X", b) }
        }
        return out
    }

    static func unescape(_ s: String) throws(BuiltinError) -> String {
        var out: [UInt8] = []
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let b = UInt8(String(decoding: bytes[i + 1...i + 2], as: UTF8.self), radix: 16) else {
                    throw BuiltinError("invalid URL escape")
                }
                out.append(b)
                i += 3
            } else {
                out.append(bytes[i] == UInt8(ascii: "+") ? 0x20 : bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func encodeObject(_ v: Value) throws(BuiltinError) -> Value? {
        var parts: [String] = []
        for (k, val) in try v.object(1).sortedPairs {
            let key = escape(try k.string(1))
            switch val {
            case .string(let s): parts.append("\(key)=\(escape(s))")
            case .array, .set:
                for s in try val.strings(1) { parts.append("\(key)=\(escape(s))") }
            default: throw BuiltinError.type("operand 1 must be object[string: string|array|set]")
            }
        }
        return .string(parts.joined(separator: "&"))
    }

    static func decodeObject(_ v: Value) throws(BuiltinError) -> Value? {
        var dict: [Value: [Value]] = [:]
        var order: [Value] = []
        for pair in try v.string(1).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Value.string(try unescape(String(kv[0])))
            let val = Value.string(kv.count > 1 ? try unescape(String(kv[1])) : "")
            if dict[key] == nil { order.append(key) }
            dict[key, default: []].append(val)
        }
        return .object(dict.mapValues { .array($0) })
    }
}
