import Crypto
import _CryptoExtras
import Foundation
import StrataRegoAST
import X509

/// `crypto.x509.parse_keypair(cert, key)`: Go's `tls.X509KeyPair` (PEM or base64 of PEM/DER),
/// returned as Go's `tls.Certificate` JSON. The key must match the first certificate.
enum KeyPair {
    static func parse(cert: String, key: String) throws(BuiltinError) -> Value {
        let certBytes = try pemOrDER(cert, defaultType: "CERTIFICATE")
        let keyBytes = try pemOrDER(key, defaultType: "PRIVATE KEY")
        let certBlocks = PEM.blocks(String(decoding: certBytes, as: UTF8.self)).filter { $0.type == "CERTIFICATE" }
        guard !certBlocks.isEmpty else { throw BuiltinError("tls: failed to find any PEM data in certificate input") }
        guard let keyBlock = PEM.blocks(String(decoding: keyBytes, as: UTF8.self)).first(where: { $0.type == "PRIVATE KEY" || $0.type.hasSuffix(" PRIVATE KEY") }) else {
            throw BuiltinError("tls: failed to find any PEM data in key input")
        }
        let leaf = try CertificateDecoder.decode(certBlocks[0].bytes)
        let privateKey: PrivateKeyDER.Key
        do { privateKey = try PrivateKeyDER.any(keyBlock.bytes) } catch { throw BuiltinError(error.message) }
        guard matches(leaf, privateKey) else { throw BuiltinError("tls: private key does not match public key") }
        return .object([
            .string("Certificate"): .array(certBlocks.map { .string(GoBase64.encode($0.bytes)) }),
            .string("PrivateKey"): privateKey.goJSON,
            .string("SupportedSignatureAlgorithms"): .null, .string("OCSPStaple"): .null, .string("SignedCertificateTimestamps"): .null,
            .string("Leaf"): GoCertificateJSON.certificate(leaf),
        ])
    }

    /// Base64 input is decoded; DER (not PEM) is wrapped in a PEM block of `defaultType`.
    static func pemOrDER(_ text: String, defaultType: String) throws(BuiltinError) -> [UInt8] {
        let begin = Array("-----BEGIN ".utf8)
        var bytes = Array(text.utf8)
        if !bytes.starts(with: begin) { bytes = try X509Builtins.base64(text) }
        if !bytes.starts(with: Array("-----BEGIN".utf8)) { bytes = Array(PEM.encode(type: defaultType, bytes: bytes).utf8) }
        return bytes
    }

    static func matches(_ leaf: CertificateDecoder.Decoded, _ key: PrivateKeyDER.Key) -> Bool {
        let pub = leaf.cert.publicKey
        switch key {
        case .rsa(let n, let e, _, _, _, _, _, _):
            guard let rsa = leaf.weakRSAKey ?? _RSA.Signing.PublicKey(pub), let p = try? rsa.getKeyPrimitives() else { return false }
            return Array(p.modulus.drop { $0 == 0 }) == n && Array(p.publicExponent.drop { $0 == 0 }) == e
        case .ec:
            guard let (x, y) = key.publicCoordinates else { return false }
            let point = [0x04] + x + y
            if let k = P256.Signing.PublicKey(pub) { return Array(k.x963Representation) == point }
            if let k = P384.Signing.PublicKey(pub) { return Array(k.x963Representation) == point }
            if let k = P521.Signing.PublicKey(pub) { return Array(k.x963Representation) == point }
            return false
        case .ed25519(let seed):
            guard let k = Curve25519.Signing.PublicKey(pub), let priv = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { return false }
            return k.rawRepresentation == priv.publicKey.rawRepresentation
        }
    }
}
