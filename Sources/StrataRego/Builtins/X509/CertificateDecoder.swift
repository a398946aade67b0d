import _CryptoExtras
import SwiftASN1
import X509

/// Parses a DER certificate. swift-certificates refuses RSA keys under 2048 bits, which Go (and so
/// OPA) accepts; for those the key is swapped for a stand-in so the other fields parse, and the real
/// key is kept beside it (signatures by or over such a certificate then do not verify).
enum CertificateDecoder {
    struct Decoded {
        var cert: Certificate
        var der: [UInt8]
        /// The certificate's own RSA key when it is too small for swift-certificates.
        var weakRSAKey: _RSA.Signing.PublicKey?

        var joseKey: JOSEKey? { weakRSAKey.map { .rsa($0, nil) } ?? JOSEKey(cert.publicKey) }
    }

    static let standIn: [UInt8] = {
        // Any valid 2048-bit SubjectPublicKeyInfo will do; it is only a placeholder.
        (try? _RSA.Signing.PrivateKey(keySize: .bits2048)).map { Array($0.publicKey.derRepresentation) } ?? []
    }()

    static func decode(_ der: [UInt8]) throws(BuiltinError) -> Decoded {
        // swift-certificates hands RSA keys to swift-crypto, which aborts on some malformed ones: check first.
        guard let (patched, spki) = replacingKey(der), RSAPublicKeyDER.isSafeForCertificates(spki) else {
            throw BuiltinError("x509: malformed certificate")
        }
        if let cert = try? Certificate(derEncoded: der) { return Decoded(cert: cert, der: der) }
        guard let weak = RSAPublicKeyDER.publicKey(spki),
              let cert = try? Certificate(derEncoded: patched) else { throw BuiltinError("x509: malformed certificate") }
        return Decoded(cert: cert, der: der, weakRSAKey: weak)
    }

    /// The certificate with its SubjectPublicKeyInfo replaced by `standIn`, and the original SPKI.
    static func replacingKey(_ der: [UInt8]) -> ([UInt8], [UInt8])? {
        guard let root = try? DER.parse(der), case .constructed(let top) = root.content else { return nil }
        let outer = Array(top)
        guard outer.count == 3, case .constructed(let fields) = outer[0].content else { return nil }
        var tbs = Array(fields).map { Array($0.encodedBytes) }
        let keyIndex = (Array(fields).first?.identifier.tagClass == .contextSpecific ? 1 : 0) + 5
        guard keyIndex < tbs.count else { return nil }
        let spki = tbs[keyIndex]
        tbs[keyIndex] = standIn
        let newTBS = tlv(0x30, tbs.flatMap { $0 })
        return (tlv(0x30, newTBS + Array(outer[1].encodedBytes) + Array(outer[2].encodedBytes)), spki)
    }

    static func tlv(_ tag: UInt8, _ body: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        if body.count < 0x80 {
            length = [UInt8(body.count)]
        } else {
            var n = body.count
            var bytes: [UInt8] = []
            while n > 0 { bytes.insert(UInt8(n & 0xFF), at: 0); n >>= 8 }
            length = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + length + body
    }
}
