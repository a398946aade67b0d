import _CryptoExtras
import X509

/// OPA's key argument: a PEM certificate, a PEM public key, or a JWK / JWK set. A PEM block is never
/// JSON, so PEM is tried first (messages as OPA's `getKeysFromCertOrJWK`).
enum JOSEKeySource {
    static func keys(_ text: String) throws(BuiltinError) -> [VerificationKey] {
        let (block, rest) = PEM.decode(ArraySlice(Array(text.utf8)))
        if let block {
            guard rest.isEmpty else { throw BuiltinError("extra data after a PEM certificate block") }
            switch block.type {
            case "CERTIFICATE":
                let decoded: CertificateDecoder.Decoded
                do { decoded = try CertificateDecoder.decode(block.bytes) } catch {
                    throw BuiltinError("failed to parse a PEM certificate: \(error.message)")
                }
                guard let key = decoded.joseKey else { throw BuiltinError("failed to parse a PEM certificate: unsupported public key type") }
                return [VerificationKey(key: key)]
            case "PUBLIC KEY":
                // Small RSA keys, which swift-certificates refuses, are read directly.
                let key: JOSEKey?
                let bytes = Array(block.bytes)
                if RSAPublicKeyDER.isSafeForCertificates(bytes), let spki = try? Certificate.PublicKey(derEncoded: bytes) {
                    key = JOSEKey(spki)
                } else if let rsa = RSAPublicKeyDER.publicKey(bytes) {
                    key = .rsa(rsa, nil)
                } else {
                    throw BuiltinError("failed to parse a PEM public key: asn1: structure error")
                }
                guard let key else { throw BuiltinError("failed to parse a PEM public key: unsupported public key type") }
                return [VerificationKey(key: key)]
            default:
                throw BuiltinError("failed to extract a Key from the PEM certificate")
            }
        }
        switch JWK.parseSet(text) {
        case .success(let keys):
            // Keys naming an algorithm JOSE does not know are skipped, as OPA does.
            return keys.filter { $0.alg.isEmpty || JWSAlgorithm.table[$0.alg] != nil }
        case .failure(let f):
            throw BuiltinError("failed to parse a JWK key (set): \(f.message)")
        }
    }
}
