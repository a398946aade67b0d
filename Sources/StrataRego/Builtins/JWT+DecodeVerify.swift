import StrataRegoAST

extension JWT {
    static let unverified = Value.array([.false, .emptyObject, .emptyObject])

    /// The constraints object of `io.jwt.decode_verify` (OPA's `tokenConstraints`).
    struct Constraints {
        var secret = "", alg = "", iss = "", aud = ""
        var keys: [VerificationKey]?
        var time: Double = -1

        typealias Handler = @Sendable (inout Constraints, Value) throws(BuiltinError) -> Void

        /// Known constraint names; anything else is an error.
        static let handlers: [String: Handler] = [
            "cert": { (c, v) throws(BuiltinError) in
                guard case .string(let s) = v else { throw BuiltinError("cert constraint: must be a string") }
                c.keys = try JOSEKeySource.keys(s)
            },
            "secret": { (c, v) throws(BuiltinError) in c.secret = try string("secret", v) },
            "alg": { (c, v) throws(BuiltinError) in c.alg = try string("alg", v) },
            "iss": { (c, v) throws(BuiltinError) in c.iss = try string("iss", v) },
            "aud": { (c, v) throws(BuiltinError) in c.aud = try string("aud", v) },
            "time": { (c, v) throws(BuiltinError) in c.time = try time(v) },
        ]

        static func string(_ name: String, _ v: Value) throws(BuiltinError) -> String {
            guard case .string(let s) = v else { throw BuiltinError("\(name) constraint: must be a string") }
            return s
        }

        static func time(_ v: Value) throws(BuiltinError) -> Double {
            guard case .number(let n) = v else { throw BuiltinError("token time constraint: must be a number") }
            let t = n.doubleValue
            guard t.isFinite else { throw BuiltinError("token time constraint: unvalid float64") }
            guard t >= 0 else { throw BuiltinError("token time constraint: must not be negative") }
            return t
        }

        init(_ object: [Value: Value], now: Int64) throws(BuiltinError) {
            for (k, v) in object.sorted(by: { $0.key < $1.key }) {
                let name = k.stringValue ?? k.jsonString()
                guard let handler = Self.handlers[name] else { throw BuiltinError("unknown token validation constraint: \(name)") }
                try handler(&self, v)
            }
            if time == -1 { time = Double(now) }
            let keyCount = (keys != nil ? 1 : 0) + (secret.isEmpty ? 0 : 1)
            if keyCount > 1 { throw BuiltinError("duplicate key constraints") }
            if keyCount < 1 { throw BuiltinError("no key constraint") }
        }

        /// Only the configured key material is trusted: the asymmetric keys if given, else the secret.
        func verify(_ header: TokenHeader, input: [UInt8], signature: [UInt8]) -> Bool {
            guard let algorithm = JWSAlgorithm.table[header.alg] else { return false }
            guard let keys else { return algorithm.verify(.secret(Array(secret.utf8)), input, signature) }
            if !header.kid.isEmpty, let key = keys.first(where: { $0.kid == header.kid }) {
                return algorithm.verify(key.key, input, signature)
            }
            return keys.contains { ($0.alg.isEmpty || $0.alg == header.alg) && algorithm.verify($0.key, input, signature) }
        }

        func validAudience(_ aud: Value) -> Bool {
            switch aud {
            case .string(let s): return s == self.aud
            case .array(let list): return list.contains(.string(self.aud))
            default: return false
            }
        }
    }

    /// `io.jwt.decode_verify(token, constraints)` → `[valid, header, payload]` (RFC 7519 §7.2).
    static func decodeVerify(_ tokenValue: Value, _ object: [Value: Value], now: Int64) throws(BuiltinError) -> Value {
        let constraints = try Constraints(object, now: now)
        var text = try tokenValue.string(1)
        var headerObject: [Value: Value] = [:]
        var payloadBytes: [UInt8] = []
        var depth = 0
        while true {
            depth += 1
            if depth > 64 { throw BuiltinError("JWT nesting is too deep") }
            let token = try Token(text)
            headerObject = try token.decodedHeader()
            let header = try TokenHeader(headerObject)
            guard header.valid else { return unverified }
            if !constraints.alg.isEmpty, constraints.alg != header.alg { return unverified }
            let signature = try token.decodedSignature()
            guard constraints.verify(header, input: token.signingInput, signature: signature) else { return unverified }
            payloadBytes = try token.decodedPayload()
            // A nested token (cty: JWT) is verified with the same constraints, level by level.
            guard header.cty.lowercased() == "jwt" else { break }
            text = String(decoding: payloadBytes, as: UTF8.self)
        }
        let payload = try jsonObject(payloadBytes)
        guard try claimsValid(payload, constraints) else { return unverified }
        return .array([.true, .object(headerObject), .object(payload)])
    }

    /// Registered claims (RFC 7519 §4.1): iss, aud, exp, nbf. Time is in nanoseconds, claims in seconds.
    static func claimsValid(_ payload: [Value: Value], _ c: Constraints) throws(BuiltinError) -> Bool {
        if !c.iss.isEmpty, payload[.string("iss")] != .string(c.iss) { return false }
        if let aud = payload[.string("aud")] {
            if !c.validAudience(aud) { return false }
        } else if !c.aud.isEmpty {
            return false
        }
        let now = c.time / 1_000_000_000
        if let exp = payload[.string("exp")] {
            guard case .number(let n) = exp else { throw BuiltinError("exp value must be a number") }
            if now >= n.doubleValue { return false }
        }
        if let nbf = payload[.string("nbf")] {
            guard case .number(let n) = nbf else { throw BuiltinError("nbf value must be a number") }
            if now < n.doubleValue { return false }
        }
        return true
    }
}
