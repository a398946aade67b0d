import StrataRegoAST

extension JWT {
    /// `io.jwt.encode_sign*`: signs `base64url(header).base64url(payload)` with the first key of the
    /// JWK (set), using the header's `alg` (OPA's `commonBuiltinJWTEncodeSign`, same checks in order).
    static func sign(header: [UInt8], payload: [UInt8], jwk: String) throws(BuiltinError) -> Value {
        let keys: [VerificationKey]
        switch JWK.parseSet(jwk) {
        case .success(let k): keys = k
        case .failure(let f): throw BuiltinError("failed to parse JWK: \(f.message)")
        }
        guard let key = keys.first else { throw BuiltinError("no keys found in JWK set") }
        let headerObject: [Value: Value]
        do { headerObject = try jsonObject(header) } catch {
            throw BuiltinError("missing or invalid 'alg' header: cannot parse JSON: \(header.isEmpty ? "cannot parse empty string" : error.message)")
        }
        guard case .string(let alg)? = headerObject[.string("alg")] else {
            throw BuiltinError("missing or invalid 'alg' header: unsupported signature algorithm")
        }
        guard let algorithm = JWSAlgorithm.table[alg] else { throw BuiltinError("unknown JWS algorithm: \(alg)") }
        // A missing or non-string typ counts as JWT, as in OPA.
        let isJWT = headerObject[.string("typ")]?.stringValue.map { $0 == "JWT" } ?? true
        if isJWT, (try? JSONReader.parse(String(decoding: payload, as: UTF8.self))) == nil {
            throw BuiltinError("type is JWT but payload is not JSON")
        }
        let input = GoBase64.encode(header, .url, padded: false) + "." + GoBase64.encode(payload, .url, padded: false)
        let signature = try algorithm.sign(key.key, Array(input.utf8))
        return .string(input + "." + GoBase64.encode(signature, .url, padded: false))
    }
}
