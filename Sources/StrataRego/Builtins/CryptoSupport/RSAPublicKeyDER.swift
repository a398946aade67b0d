import _CryptoExtras
import SwiftASN1

/// RSA public keys from DER without handing unvalidated bytes to swift-crypto: in swift-crypto 3.12.3,
/// `_RSA.Signing.PublicKey(derRepresentation:)` and its `unsafe` and PEM variants free their BoringSSL key twice
/// when BoringSSL rejects the bytes (an abort under hostile input, seen in CI). We parse the structure with
/// swift-asn1 and build the key from its modulus and exponent (`init(n:e:)`, whose failure path is sound).
enum RSAPublicKeyDER {
    static let rsaEncryption: [UInt] = [1, 2, 840, 113549, 1, 1, 1]

    /// The modulus and exponent of a SubjectPublicKeyInfo (rsaEncryption) or a PKCS#1 RSAPublicKey, as unsigned
    /// big-endian bytes; nil when the bytes are not one of those.
    static func components(_ der: [UInt8]) -> (n: [UInt8], e: [UInt8])? {
        guard let root = try? DER.parse(der), case .constructed(let children) = root.content else { return nil }
        let nodes = Array(children)
        if nodes.count == 2, case .primitive = nodes[0].content, nodes[0].identifier == .integer {
            return integers(nodes)
        }
        // SPKI: SEQUENCE { SEQUENCE { OID, params }, BIT STRING { RSAPublicKey } }.
        guard nodes.count == 2, case .constructed(let alg) = nodes[0].content, let oidNode = Array(alg).first,
              let oid = try? ASN1ObjectIdentifier(derEncoded: oidNode), Array(oid.oidComponents) == rsaEncryption,
              let bits = try? ASN1BitString(derEncoded: nodes[1]), bits.paddingBits == 0,
              let inner = try? DER.parse(Array(bits.bytes)), case .constructed(let keyParts) = inner.content else { return nil }
        return integers(Array(keyParts))
    }

    private static func integers(_ nodes: [ASN1Node]) -> (n: [UInt8], e: [UInt8])? {
        guard nodes.count == 2, nodes[0].identifier == .integer, nodes[1].identifier == .integer,
              case .primitive(let n) = nodes[0].content, case .primitive(let e) = nodes[1].content else {
            return nil
        }
        // DER INTEGERs are signed: a modulus or exponent must be positive and non-zero.
        guard let nFirst = n.first, nFirst & 0x80 == 0, let eFirst = e.first, eFirst & 0x80 == 0 else { return nil }
        let nBytes = Array(n.drop { $0 == 0 }), eBytes = Array(e.drop { $0 == 0 })
        guard !nBytes.isEmpty, !eBytes.isEmpty else { return nil }
        return (nBytes, eBytes)
    }

    /// A verification key of any size (Go accepts small keys; swift-crypto's checked initialisers do not).
    static func publicKey(_ der: [UInt8]) -> _RSA.Signing.PublicKey? {
        guard let (n, e) = components(der) else { return nil }
        return try? _RSA.Signing.PublicKey(n: n, e: e)
    }

    /// Whether an SPKI, if it claims rsaEncryption, holds a well-formed RSA key (so swift-certificates, which hands
    /// RSA keys to swift-crypto, never sees one BoringSSL would reject). Non-RSA keys pass through.
    static func isSafeForCertificates(_ spki: [UInt8]) -> Bool {
        guard let root = try? DER.parse(spki), case .constructed(let children) = root.content else { return false }
        let nodes = Array(children)
        guard nodes.count == 2, case .constructed(let alg) = nodes[0].content, let oidNode = Array(alg).first,
              let oid = try? ASN1ObjectIdentifier(derEncoded: oidNode) else { return false }
        guard Array(oid.oidComponents) == rsaEncryption else { return true }
        return publicKey(spki) != nil
    }
}
