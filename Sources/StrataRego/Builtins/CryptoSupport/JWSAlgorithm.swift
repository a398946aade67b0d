import Crypto
import _CryptoExtras
import Foundation

/// One JWS `alg` (RFC 7518 §3): how it signs and verifies with a `JOSEKey`. A key of the wrong type
/// never verifies; signing with one is an error.
struct JWSAlgorithm: Sendable {
    typealias Verify = @Sendable (JOSEKey, [UInt8], [UInt8]) -> Bool
    typealias Sign = @Sendable (JOSEKey, [UInt8]) throws(BuiltinError) -> [UInt8]

    var name: String
    var verify: Verify
    var sign: Sign

    /// The algorithms OPA knows (its `tokenAlgorithms`).
    static let table: [String: JWSAlgorithm] = Dictionary(uniqueKeysWithValues: [
        hmac("HS256", SHA256.self), hmac("HS384", SHA384.self), hmac("HS512", SHA512.self),
        rsa("RS256", SHA256.self, pss: false), rsa("RS384", SHA384.self, pss: false), rsa("RS512", SHA512.self, pss: false),
        rsa("PS256", SHA256.self, pss: true), rsa("PS384", SHA384.self, pss: true), rsa("PS512", SHA512.self, pss: true),
        ecdsa("ES256", SHA256.self), ecdsa("ES384", SHA384.self), ecdsa("ES512", SHA512.self),
        eddsa(),
    ].map { ($0.name, $0) })

    static func wrongKey(_ alg: String) -> BuiltinError { BuiltinError("failed to sign payload: invalid key type for \(alg)") }

    static func hmac<H: HashFunction>(_ name: String, _: H.Type) -> JWSAlgorithm {
        JWSAlgorithm(
            name: name,
            verify: { key, input, sig in
                guard case .secret(let secret) = key else { return false }
                return constantTimeEqual(mac(H.self, secret, input), sig)
            },
            sign: { (key, input) throws(BuiltinError) in
                guard case .secret(let secret) = key else { throw wrongKey(name) }
                return mac(H.self, secret, input)
            })
    }

    static func mac<H: HashFunction>(_: H.Type, _ secret: [UInt8], _ input: [UInt8]) -> [UInt8] {
        Array(HMAC<H>.authenticationCode(for: input, using: SymmetricKey(data: secret)))
    }

    static func rsa<H: HashFunction>(_ name: String, _: H.Type, pss: Bool) -> JWSAlgorithm {
        // PSS signs with a salt as long as the hash (RFC 7518 §3.5).
        let padding: _RSA.Signing.Padding = pss ? .PSS : .insecurePKCS1v1_5
        return JWSAlgorithm(
            name: name,
            verify: { key, input, sig in
                guard case .rsa(let pub, _) = key else { return false }
                return RSAVerifier.verify(pub, H.self, input: input, signature: sig, pss: pss)
            },
            sign: { (key, input) throws(BuiltinError) in
                guard case .rsa(_, let priv?) = key else { throw wrongKey(name) }
                do { return Array(try priv.signature(for: H.hash(data: input), padding: padding).rawRepresentation) } catch {
                    throw BuiltinError("failed to sign payload: \(error)")
                }
            })
    }

    static func ecdsa<H: HashFunction>(_ name: String, _: H.Type) -> JWSAlgorithm {
        JWSAlgorithm(
            name: name,
            verify: { key, input, sig in
                let digest = H.hash(data: input)
                switch key {
                case .p256(let k, _): return ecRaw(sig, 32).flatMap { try? P256.Signing.ECDSASignature(rawRepresentation: $0) }.map { k.isValidSignature($0, for: digest) } ?? false
                case .p384(let k, _): return ecRaw(sig, 48).flatMap { try? P384.Signing.ECDSASignature(rawRepresentation: $0) }.map { k.isValidSignature($0, for: digest) } ?? false
                case .p521(let k, _): return ecRaw(sig, 66).flatMap { try? P521.Signing.ECDSASignature(rawRepresentation: $0) }.map { k.isValidSignature($0, for: digest) } ?? false
                default: return false
                }
            },
            sign: { (key, input) throws(BuiltinError) in
                let digest = H.hash(data: input)
                do {
                    switch key {
                    case .p256(_, let k?): return Array(try k.signature(for: digest).rawRepresentation)
                    case .p384(_, let k?): return Array(try k.signature(for: digest).rawRepresentation)
                    case .p521(_, let k?): return Array(try k.signature(for: digest).rawRepresentation)
                    default: throw wrongKey(name)
                    }
                } catch let e as BuiltinError { throw e } catch { throw BuiltinError("failed to sign payload: \(error)") }
            })
    }

    /// `r || s` split in halves (as Go's verifier does), each left-padded to the curve's size.
    static func ecRaw(_ sig: [UInt8], _ size: Int) -> [UInt8]? {
        guard !sig.isEmpty, sig.count % 2 == 0 else { return nil }
        let half = sig.count / 2
        var out: [UInt8] = []
        for part in [sig[..<half], sig[half...]] {
            let trimmed = part.drop { $0 == 0 }
            guard trimmed.count <= size else { return nil }
            out += Array(repeating: 0, count: size - trimmed.count) + trimmed
        }
        return out
    }

    static func eddsa() -> JWSAlgorithm {
        JWSAlgorithm(
            name: "EdDSA",
            verify: { key, input, sig in
                guard case .ed25519(let k, _) = key else { return false }
                return k.isValidSignature(sig, for: input)
            },
            sign: { (key, input) throws(BuiltinError) in
                guard case .ed25519(_, let k?) = key else { throw wrongKey("EdDSA") }
                do { return Array(try k.signature(for: input)) } catch { throw BuiltinError("failed to sign payload: \(error)") }
            })
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}
