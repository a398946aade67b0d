import Crypto
import Foundation
import StrataRego
import StrataRegoAST
import SwiftASN1
import X509
import _CryptoExtras

/// Evaluation helpers and key material generated at test time for the crypto-family builtin tests.
enum CryptoEval {
    /// `x := <expr>` with `input` bound; strict builtin errors, so failures surface as `RegoError`.
    static func eval(_ expr: String, input: [String: Value] = [:]) throws -> Value? {
        let engine = try RegoEngine(modules: [], options: .init(strictBuiltinErrors: true))
        let inputValue = Value.object(Dictionary(uniqueKeysWithValues: input.map { (.string($0.key), $0.value) }))
        return try engine.evaluate(query: "x := " + expr, input: inputValue).results.first?.bindings["x"]
    }

    /// The error message a strict evaluation produces, or nil when it succeeds.
    static func error(_ expr: String, input: [String: Value] = [:]) -> String? {
        do {
            _ = try eval(expr, input: input)
            return nil
        } catch let e as RegoError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    static func b64url(_ d: some DataProtocol) -> String {
        Data(d).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// One freshly generated signing key of a JOSE family, in the forms the builtins accept.
struct TestKey {
    var privateJWK: Value
    var publicJWK: String
    var publicPEM: String
    var certificatePEM: String

    /// RSA generation is slow, so two keys are made once and shared (`variant` picks one).
    static let rsaPool: [_RSA.Signing.PrivateKey] = (0..<2).compactMap { _ in try? _RSA.Signing.PrivateKey(keySize: .bits2048) }

    struct NoKey: Error {}

    static func make(_ alg: String, variant: Int = 0) throws -> TestKey {
        switch alg.prefix(2) {
        case "RS", "PS":
            guard variant < rsaPool.count else { throw NoKey() }
            let k = rsaPool[variant]
            let p = try k.publicKey.getKeyPrimitives()
            // The private JWK comes from our own PKCS #1 reader, through the builtin.
            let jwk = try CryptoEval.eval("crypto.x509.parse_rsa_private_key(input.pem)", input: ["pem": .string(k.pemRepresentation)])!
            let pub = #"{"kty":"RSA","n":"\#(CryptoEval.b64url(p.modulus))","e":"\#(CryptoEval.b64url(p.publicExponent))"}"#
            return TestKey(privateJWK: jwk, publicJWK: pub, publicPEM: k.publicKey.pemRepresentation,
                           certificatePEM: try selfSigned(.init(k), Certificate.PublicKey(k.publicKey), .sha256WithRSAEncryption))
        case "ES":
            let crv: String, priv: Data, x963: Data, pem: String, signer: Certificate.PrivateKey, sigAlg: Certificate.SignatureAlgorithm
            switch alg {
            case "ES256":
                let k = P256.Signing.PrivateKey()
                (crv, priv, x963, pem, signer, sigAlg) = ("P-256", k.rawRepresentation, k.publicKey.x963Representation, k.publicKey.pemRepresentation, .init(k), .ecdsaWithSHA256)
            case "ES384":
                let k = P384.Signing.PrivateKey()
                (crv, priv, x963, pem, signer, sigAlg) = ("P-384", k.rawRepresentation, k.publicKey.x963Representation, k.publicKey.pemRepresentation, .init(k), .ecdsaWithSHA384)
            default:
                let k = P521.Signing.PrivateKey()
                (crv, priv, x963, pem, signer, sigAlg) = ("P-521", k.rawRepresentation, k.publicKey.x963Representation, k.publicKey.pemRepresentation, .init(k), .ecdsaWithSHA512)
            }
            let point = x963.dropFirst()
            let x = CryptoEval.b64url(point.prefix(point.count / 2)), y = CryptoEval.b64url(point.suffix(point.count / 2))
            let jwk = #"{"kty":"EC","crv":"\#(crv)","x":"\#(x)","y":"\#(y)","d":"\#(CryptoEval.b64url(priv))"}"#
            return TestKey(privateJWK: try RegoEngine.parseJSON(jwk), publicJWK: #"{"kty":"EC","crv":"\#(crv)","x":"\#(x)","y":"\#(y)"}"#,
                           publicPEM: pem, certificatePEM: try selfSigned(signer, signer.publicKey, sigAlg))
        default:
            let k = Curve25519.Signing.PrivateKey()
            let x = CryptoEval.b64url(k.publicKey.rawRepresentation)
            let jwk = #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","d":"\#(CryptoEval.b64url(k.rawRepresentation))"}"#
            let spki = try Certificate.PublicKey(k.publicKey).serializeAsPEM().pemString
            return TestKey(privateJWK: try RegoEngine.parseJSON(jwk), publicJWK: #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)"}"#,
                           publicPEM: spki, certificatePEM: try selfSigned(.init(k), Certificate.PublicKey(k.publicKey), .ed25519))
        }
    }

    static func selfSigned(_ key: Certificate.PrivateKey, _ pub: Certificate.PublicKey, _ alg: Certificate.SignatureAlgorithm) throws -> String {
        let name = try DistinguishedName { CommonName("strata test") }
        let now = Date()
        let cert = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: pub, notValidBefore: now - 3600, notValidAfter: now + 3600,
            issuer: name, subject: name, signatureAlgorithm: alg, extensions: .init(), issuerPrivateKey: key)
        return try cert.serializeAsPEM().pemString
    }
}
