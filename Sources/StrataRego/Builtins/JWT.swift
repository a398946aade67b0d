import Crypto
import Foundation
import StrataRegoAST

/// `io.jwt.*` for JWS compact tokens with HMAC (HS256/384/512). Asymmetric algorithms
/// (RS/PS/ES/EdDSA) are reported as builtin errors: not implemented yet.
enum JWT {
    static let builtins: [Builtin] = [
        .unary("io.jwt.decode") { (t) throws(BuiltinError) in
            let token = try Token(try t.string(1))
            return .array([token.header, token.payload, .string(token.signature.map { String(format: "%02x", $0) }.joined())])
        },
        .binary("io.jwt.verify_hs256") { (t, s) throws(BuiltinError) in .bool(try verify(try t.string(1), "HS256", key: try s.string(2))) },
        .binary("io.jwt.verify_hs384") { (t, s) throws(BuiltinError) in .bool(try verify(try t.string(1), "HS384", key: try s.string(2))) },
        .binary("io.jwt.verify_hs512") { (t, s) throws(BuiltinError) in .bool(try verify(try t.string(1), "HS512", key: try s.string(2))) },
        .binary("io.jwt.decode_verify") { (t, c) throws(BuiltinError) in try decodeVerify(try t.string(1), try c.object(2)) },
        .ternary("io.jwt.encode_sign") { (h, p, k) throws(BuiltinError) in
            _ = try h.object(1)
            return try sign(header: h.jsonString(), payload: p.jsonString(), jwk: k)
        },
        .ternary("io.jwt.encode_sign_raw") { (h, p, k) throws(BuiltinError) in
            let jwkText = try k.string(3)
            let jwk = try json(jwkText, what: "JWK")
            return try sign(header: try h.string(1), payload: try p.string(2), jwk: jwk)
        },
    ]

    struct Token {
        var header: Value
        var payload: Value
        var signature: [UInt8]
        var signingInput: String

        init(_ text: String) throws(BuiltinError) {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { throw BuiltinError("encoded JWT had no period separators") }
            guard let h = JWT.base64URL(parts[0]), let p = JWT.base64URL(parts[1]), let s = JWT.base64URL(parts[2]) else {
                throw BuiltinError("JWT is not valid base64url")
            }
            do {
                header = try JSONReader.parse(String(decoding: h, as: UTF8.self))
                payload = try JSONReader.parse(String(decoding: p, as: UTF8.self))
            } catch {
                throw BuiltinError("JWT header or payload is not JSON: \(error.message)")
            }
            guard case .object = header else { throw BuiltinError("JWT header is not an object") }
            signature = s
            signingInput = parts[0] + "." + parts[1]
        }

        var algorithm: String? { header[.string("alg")]?.stringValue }
    }

    static func json(_ text: String, what: String) throws(BuiltinError) -> Value {
        do { return try JSONReader.parse(text) } catch { throw BuiltinError("invalid \(what): \(error.message)") }
    }

    static func base64URL(_ s: String) -> [UInt8]? {
        var text = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text).map(Array.init)
    }

    static func encodeBase64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func mac(_ alg: String, _ input: String, key: [UInt8]) throws(BuiltinError) -> [UInt8] {
        let k = SymmetricKey(data: key)
        let data = Data(input.utf8)
        switch alg {
        case "HS256": return Array(HMAC<SHA256>.authenticationCode(for: data, using: k))
        case "HS384": return Array(HMAC<SHA384>.authenticationCode(for: data, using: k))
        case "HS512": return Array(HMAC<SHA512>.authenticationCode(for: data, using: k))
        default: throw BuiltinError("JWT algorithm \(alg) is not implemented")
        }
    }

    static func verify(_ text: String, _ alg: String, key: String) throws(BuiltinError) -> Bool {
        let token = try Token(text)
        return try mac(alg, token.signingInput, key: Array(key.utf8)) == token.signature
    }

    static func sign(header: String, payload: String, jwk: Value) throws(BuiltinError) -> Value {
        let headerValue: Value
        do { headerValue = try JSONReader.parse(header) } catch { throw BuiltinError("invalid JWT header: \(error.message)") }
        guard case .object = headerValue, let alg = headerValue[.string("alg")]?.stringValue else { throw BuiltinError("JWT header has no alg") }
        guard jwk[.string("kty")] == .string("oct"), let k = jwk[.string("k")]?.stringValue, let secret = base64URL(k) else {
            throw BuiltinError("JWT signing with this key type is not implemented")
        }
        let input = encodeBase64URL(Array(header.utf8)) + "." + encodeBase64URL(Array(payload.utf8))
        return .string(input + "." + encodeBase64URL(try mac(alg, input, key: secret)))
    }
}
