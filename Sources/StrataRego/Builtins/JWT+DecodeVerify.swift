import Foundation
import StrataRegoAST

extension JWT {
    static let invalid = Value.array([.false, .emptyObject, .emptyObject])

    /// `io.jwt.decode_verify(token, constraints)` → `[valid, header, payload]`.
    static func decodeVerify(_ text: String, _ c: [Value: Value]) throws(BuiltinError) -> Value {
        guard let token = try? Token(text), let alg = token.algorithm else { return invalid }
        if let want = c[.string("alg")]?.stringValue, want != alg { return invalid }
        if let secret = c[.string("secret")]?.stringValue {
            guard alg.hasPrefix("HS"), try mac(alg, token.signingInput, key: Array(secret.utf8)) == token.signature else { return invalid }
        } else if c[.string("cert")] != nil {
            throw BuiltinError("io.jwt.decode_verify: certificate verification (\(alg)) is not implemented")
        } else {
            throw BuiltinError("io.jwt.decode_verify: no secret or cert constraint")
        }
        guard claimsValid(token.payload, c) else { return invalid }
        return .array([.true, token.header, token.payload])
    }

    static func claimsValid(_ payload: Value, _ c: [Value: Value]) -> Bool {
        let now: Double
        if case .number(let n)? = c[.string("time")] { now = n.doubleValue } else { now = Date().timeIntervalSince1970 * 1e9 }
        if case .number(let exp)? = payload[.string("exp")], now >= exp.doubleValue * 1e9 { return false }
        if case .number(let nbf)? = payload[.string("nbf")], now < nbf.doubleValue * 1e9 { return false }
        if let iss = c[.string("iss")], payload[.string("iss")] != iss { return false }
        let tokenAud = payload[.string("aud")]
        if let aud = c[.string("aud")] {
            switch tokenAud {
            case .string?: if tokenAud != aud { return false }
            case .array(let list)?: if !list.contains(aud) { return false }
            default: return false
            }
        } else if tokenAud != nil {
            return false
        }
        return true
    }
}
