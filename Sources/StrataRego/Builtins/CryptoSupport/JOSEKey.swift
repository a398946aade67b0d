import Crypto
import _CryptoExtras
import X509

/// A key as JOSE sees it: public (from a certificate, a PEM public key or a JWK), private (a JWK with
/// `d`), or a shared secret (`kty: oct`). Private keys carry their public half for verification.
enum JOSEKey {
    case rsa(_RSA.Signing.PublicKey, _RSA.Signing.PrivateKey?)
    case p256(P256.Signing.PublicKey, P256.Signing.PrivateKey?)
    case p384(P384.Signing.PublicKey, P384.Signing.PrivateKey?)
    case p521(P521.Signing.PublicKey, P521.Signing.PrivateKey?)
    case ed25519(Curve25519.Signing.PublicKey, Curve25519.Signing.PrivateKey?)
    case secret([UInt8])

    /// The public key of a parsed certificate or SubjectPublicKeyInfo; nil for key types JOSE cannot use.
    init?(_ key: Certificate.PublicKey) {
        if let k = _RSA.Signing.PublicKey(key) { self = .rsa(k, nil) }
        else if let k = P256.Signing.PublicKey(key) { self = .p256(k, nil) }
        else if let k = P384.Signing.PublicKey(key) { self = .p384(k, nil) }
        else if let k = P521.Signing.PublicKey(key) { self = .p521(k, nil) }
        else if let k = Curve25519.Signing.PublicKey(key) { self = .ed25519(k, nil) }
        else { return nil }
    }

    var isPrivate: Bool {
        switch self {
        case .rsa(_, let k): k != nil
        case .p256(_, let k): k != nil
        case .p384(_, let k): k != nil
        case .p521(_, let k): k != nil
        case .ed25519(_, let k): k != nil
        case .secret: true
        }
    }
}

/// A verification key with the `alg` and `kid` a JWK set may give it (both empty for PEM input).
struct VerificationKey {
    var key: JOSEKey
    var alg = ""
    var kid = ""
}
