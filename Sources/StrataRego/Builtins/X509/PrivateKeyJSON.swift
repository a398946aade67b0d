import BigInt
import Crypto
import Foundation
import StrataRegoAST

/// Private keys as OPA shows them: JWK (`crypto.x509.parse_rsa_private_key`) or Go's key structs
/// marshalled to JSON (`crypto.parse_private_keys`, `parse_keypair`).
extension PrivateKeyDER.Key {
    var jwk: Value {
        func b64(_ b: [UInt8]) -> Value { .string(GoBase64.encode(b, .url, padded: false)) }
        switch self {
        case .rsa(let n, let e, let d, let p, let q, let dp, let dq, let qi):
            return .object([.string("kty"): .string("RSA"), .string("n"): b64(n), .string("e"): b64(e), .string("d"): b64(d),
                            .string("p"): b64(p), .string("q"): b64(q), .string("dp"): b64(dp), .string("dq"): b64(dq), .string("qi"): b64(qi)])
        case .ec(let curve, let d, _):
            let (x, y) = publicCoordinates ?? ([], [])
            let size = Self.coordinateSize[curve] ?? d.count
            return .object([.string("kty"): .string("EC"), .string("crv"): .string(curve), .string("x"): b64(x), .string("y"): b64(y),
                            .string("d"): b64(JWK.pad(d, size))])
        case .ed25519(let seed):
            let pub = (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)).map { Array($0.publicKey.rawRepresentation) } ?? []
            return .object([.string("kty"): .string("OKP"), .string("crv"): .string("Ed25519"), .string("x"): b64(pub), .string("d"): b64(seed)])
        }
    }

    static let coordinateSize = ["P-256": 32, "P-384": 48, "P-521": 66]

    /// The public point, from the key itself when present, else derived from `d`.
    var publicCoordinates: ([UInt8], [UInt8])? {
        guard case .ec(let curve, let d, let point) = self else { return nil }
        let size = Self.coordinateSize[curve] ?? 0
        var x963 = point
        if x963 == nil {
            let raw = JWK.pad(d, size)
            switch curve {
            case "P-256": x963 = (try? P256.Signing.PrivateKey(rawRepresentation: raw)).map { Array($0.publicKey.x963Representation) }
            case "P-384": x963 = (try? P384.Signing.PrivateKey(rawRepresentation: raw)).map { Array($0.publicKey.x963Representation) }
            case "P-521": x963 = (try? P521.Signing.PrivateKey(rawRepresentation: raw)).map { Array($0.publicKey.x963Representation) }
            default: break
            }
        }
        guard let x963, x963.count == 1 + 2 * size else { return nil }
        return (Array(x963[1...size]), Array(x963[(size + 1)...]))
    }

    /// Go's `rsa.PrivateKey` / `ecdsa.PrivateKey` / `ed25519.PrivateKey` JSON.
    var goJSON: Value {
        func big(_ b: [UInt8]) -> Value { .number(.int(BigInt(BigUInt(Data(b))))) }
        switch self {
        case .rsa(let n, let e, let d, let p, let q, let dp, let dq, let qi):
            let pre: Value = .object([.string("Dp"): big(dp), .string("Dq"): big(dq), .string("Qinv"): big(qi), .string("CRTValues"): .array([])])
            return .object([.string("N"): big(n), .string("E"): big(e), .string("D"): big(d), .string("Primes"): .array([big(p), big(q)]),
                            .string("Precomputed"): pre])
        case .ec(_, let d, _):
            let (x, y) = publicCoordinates ?? ([], [])
            return .object([.string("Curve"): .emptyObject, .string("X"): big(x), .string("Y"): big(y), .string("D"): big(d)])
        case .ed25519(let seed):
            let pub = (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)).map { Array($0.publicKey.rawRepresentation) } ?? []
            return .string(GoBase64.encode(seed + pub))
        }
    }
}
