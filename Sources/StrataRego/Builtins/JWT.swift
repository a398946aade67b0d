import Foundation
import StrataRegoAST

/// `io.jwt.*`: JWS compact tokens with every algorithm OPA knows (HS/RS/PS/ES 256–512, EdDSA);
/// keys are PEM certificates, PEM public keys or JWK (sets). JWE is not supported, as in OPA.
enum JWT {
    static let builtins: [Builtin] = [
        .unary("io.jwt.decode") { (t) throws(BuiltinError) in try decode(try t.string(1)) },
        Builtin("io.jwt.decode_verify", arity: 2) { (args, ctx) throws(BuiltinError) in
            try decodeVerify(args[0], try args[1].object(2), now: ctx.nowNanoseconds)
        },
        .ternary("io.jwt.encode_sign") { (h, p, k) throws(BuiltinError) in
            _ = try h.object(1)
            _ = try p.object(2)
            _ = try k.object(3)
            return try sign(header: Array(h.jsonString(escapeHTML: true).utf8), payload: Array(p.jsonString(escapeHTML: true).utf8),
                            jwk: k.jsonString(escapeHTML: true))
        },
        .ternary("io.jwt.encode_sign_raw") { (h, p, k) throws(BuiltinError) in
            let jwk = try k.string(3)
            return try sign(header: Array(try h.string(1).utf8), payload: Array(try p.string(2).utf8), jwk: jwk)
        },
    ] + ["HS256", "HS384", "HS512"].map(verifySecretBuiltin)
      + ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"].map(verifyKeyBuiltin)

    /// A compact token split in its three base64url sections (OPA's `decodeJWT`).
    struct Token {
        var header: String
        var payload: String
        var signature: String

        init(_ text: String) throws(BuiltinError) {
            guard text.contains(".") else { throw BuiltinError("encoded JWT had no period separators") }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { throw BuiltinError("encoded JWT must have 3 sections, found \(parts.count)") }
            (header, payload, signature) = (parts[0], parts[1], parts[2])
        }

        var signingInput: [UInt8] { Array((header + "." + payload).utf8) }

        /// The header object; JWE headers (with `enc`) are refused.
        func decodedHeader() throws(BuiltinError) -> [Value: Value] {
            let bytes: [UInt8]
            switch GoBase64.decodeURLLenient(header) {
            case .success(let b): bytes = b
            case .failure(let f): throw BuiltinError("JWT header had invalid encoding: \(f.message)")
            }
            let object: [Value: Value]
            do { object = try JWT.jsonObject(bytes) } catch { throw BuiltinError("bad JWT header: \(error.message)") }
            if object[.string("enc")] != nil { throw BuiltinError("JWT is a JWE object, which is not supported") }
            return object
        }

        func decodedPayload() throws(BuiltinError) -> [UInt8] {
            switch GoBase64.decodeURLLenient(payload) {
            case .success(let b): return b
            case .failure(let f): throw BuiltinError("JWT payload had invalid encoding: \(f.message)")
            }
        }

        func decodedSignature() throws(BuiltinError) -> [UInt8] {
            switch GoBase64.decodeURLLenient(signature) {
            case .success(let b): return b
            case .failure(let f): throw BuiltinError(f.message)
            }
        }
    }

    /// OPA's `extractJSONObject`.
    static func jsonObject(_ bytes: [UInt8]) throws(BuiltinError) -> [Value: Value] {
        let value: Value
        do { value = try JSONReader.parse(String(decoding: bytes, as: UTF8.self)) } catch { throw BuiltinError("invalid JSON: \(error.message)") }
        guard case .object(let o) = value else { throw BuiltinError("decoded JSON type was not an Object") }
        return o
    }

    /// `io.jwt.decode`: `[header, payload, signature-hex]`, following `cty: JWT` into nested tokens.
    static func decode(_ text: String) throws(BuiltinError) -> Value {
        var current = text
        // Each level is at least a few bytes shorter, so the loop ends; the bound guards hostile input.
        for _ in 0..<64 {
            let token = try Token(current)
            let header = try token.decodedHeader()
            let payload = try token.decodedPayload()
            if header[.string("cty")]?.stringValue == "JWT" {
                // jwt.io quotes nested tokens; OPA trims the quotes.
                current = String(decoding: payload, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                continue
            }
            let claims = try jsonObject(payload)
            let signature: [UInt8]
            switch GoBase64.decodeURLLenient(token.signature) {
            case .success(let b): signature = b
            case .failure(let f): throw BuiltinError("JWT signature had invalid encoding: \(f.message)")
            }
            return .array([.object(header), .object(claims), .string(CryptoBuiltins.hex(signature))])
        }
        throw BuiltinError("JWT nesting is too deep")
    }

    static func verifySecretBuiltin(_ alg: String) -> Builtin {
        .binary("io.jwt.verify_\(alg.lowercased())") { (t, s) throws(BuiltinError) in
            let text = try t.string(1)
            let secret = try s.string(2)
            let token = try Token(text)
            let signature = try token.decodedSignature()
            return .bool(JWSAlgorithm.table[alg]!.verify(.secret(Array(secret.utf8)), token.signingInput, signature))
        }
    }

    /// `io.jwt.verify_<alg>(token, key)`: a key whose `kid` matches the header's decides alone;
    /// otherwise any key (with no `alg`, or the header's) may verify. OPA's `builtinJWTVerify`.
    static func verifyKeyBuiltin(_ alg: String) -> Builtin {
        .binary("io.jwt.verify_\(alg.lowercased())") { (t, k) throws(BuiltinError) in
            let token = try Token(try t.string(1))
            let keys = try JOSEKeySource.keys(try k.string(2))
            let signature = try token.decodedSignature()
            let header = try TokenHeader(try token.decodedHeader())
            let algorithm = JWSAlgorithm.table[alg]!
            let input = token.signingInput
            if !header.kid.isEmpty, let key = keys.first(where: { $0.kid == header.kid }) {
                return .bool(algorithm.verify(key.key, input, signature))
            }
            for key in keys where key.alg.isEmpty || key.alg == header.alg {
                if algorithm.verify(key.key, input, signature) { return .true }
            }
            return .false
        }
    }
}
