import SwiftASN1

/// Private keys from DER: PKCS #1 (RSA), PKCS #8 (RSA, EC, Ed25519) and SEC 1 (EC), read with
/// SwiftASN1 so every parameter (CRT values included) is available for JWK and Go-shaped output.
enum PrivateKeyDER {
    enum Key: Sendable {
        /// Big-endian unsigned integers, leading zeros removed.
        case rsa(n: [UInt8], e: [UInt8], d: [UInt8], p: [UInt8], q: [UInt8], dp: [UInt8], dq: [UInt8], qi: [UInt8])
        case ec(curve: String, d: [UInt8], publicPoint: [UInt8]?)
        case ed25519(seed: [UInt8])
    }

    struct Failure: Error, Sendable { var message: String }

    static let rsaOID: [UInt] = [1, 2, 840, 113549, 1, 1, 1]
    static let ecOID: [UInt] = [1, 2, 840, 10045, 2, 1]
    static let ed25519OID: [UInt] = [1, 3, 101, 112]
    static let curves: [[UInt]: String] = [
        [1, 2, 840, 10045, 3, 1, 7]: "P-256", [1, 3, 132, 0, 34]: "P-384", [1, 3, 132, 0, 35]: "P-521",
    ]

    static func children(_ node: ASN1Node) throws(Failure) -> [ASN1Node] {
        guard case .constructed(let c) = node.content else { throw Failure(message: "asn1: structure error: expected a sequence") }
        return Array(c)
    }

    static func parse(_ der: [UInt8], what: String) throws(Failure) -> ASN1Node {
        do { return try DER.parse(der) } catch { throw Failure(message: "x509: failed to parse \(what): asn1: structure error") }
    }

    static func integer(_ node: ASN1Node) throws(Failure) -> [UInt8] {
        guard node.identifier == .integer, case .primitive(let bytes) = node.content else {
            throw Failure(message: "asn1: structure error: expected an integer")
        }
        return Array(bytes.drop { $0 == 0 })
    }

    static func octets(_ node: ASN1Node) throws(Failure) -> [UInt8] {
        guard case .primitive(let bytes) = node.content else { throw Failure(message: "asn1: structure error: expected an octet string") }
        return Array(bytes)
    }

    static func oid(_ node: ASN1Node) throws(Failure) -> [UInt] {
        guard let o = try? ASN1ObjectIdentifier(derEncoded: node) else { throw Failure(message: "asn1: structure error: expected an object identifier") }
        return o.oidComponents
    }

    /// `RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qi, ... }` (RFC 8017 A.1.2).
    static func pkcs1(_ der: [UInt8]) throws(Failure) -> Key {
        let fields = try children(try parse(der, what: "private key"))
        guard fields.count >= 9 else { throw Failure(message: "x509: failed to parse private key: too few fields") }
        var v: [[UInt8]] = []
        for f in fields[1...8] { v.append(try integer(f)) }
        guard !v[0].isEmpty, !v[1].isEmpty else { throw Failure(message: "x509: private key contains zero or negative value") }
        return .rsa(n: v[0], e: v[1], d: v[2], p: v[3], q: v[4], dp: v[5], dq: v[6], qi: v[7])
    }

    /// `PrivateKeyInfo ::= SEQUENCE { version, algorithm, privateKey OCTET STRING, ... }` (RFC 5208).
    static func pkcs8(_ der: [UInt8]) throws(Failure) -> Key {
        let fields = try children(try parse(der, what: "private key"))
        guard fields.count >= 3 else { throw Failure(message: "x509: failed to parse private key: too few fields") }
        let alg = try children(fields[1])
        guard let algOID = try alg.first.map(oid) else { throw Failure(message: "x509: missing algorithm") }
        let inner = try octets(fields[2])
        switch algOID {
        case rsaOID: return try pkcs1(inner)
        case ecOID:
            let curve = alg.count > 1 ? try oid(alg[1]) : []
            return try sec1(inner, curveHint: curve)
        case ed25519OID:
            let seed = try octets(try parse(inner, what: "Ed25519 private key"))
            guard seed.count == 32 else { throw Failure(message: "x509: invalid Ed25519 private key length: \(seed.count)") }
            return .ed25519(seed: seed)
        default:
            throw Failure(message: "x509: PKCS#8 wrapping contained private key with unknown algorithm: \(algOID.map(String.init).joined(separator: "."))")
        }
    }

    /// `ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters, [1] publicKey }` (RFC 5915).
    static func sec1(_ der: [UInt8], curveHint: [UInt] = []) throws(Failure) -> Key {
        let fields = try children(try parse(der, what: "EC private key"))
        guard fields.count >= 2 else { throw Failure(message: "x509: failed to parse EC private key: too few fields") }
        let d = try octets(fields[1])
        var curve = curveHint
        var point: [UInt8]?
        for f in fields.dropFirst(2) where f.identifier.tagClass == .contextSpecific {
            guard let inner = try children(f).first else { continue }
            if f.identifier.tagNumber == 0 { curve = try oid(inner) }
            if f.identifier.tagNumber == 1, case .primitive(let bits) = inner.content { point = Array(bits.dropFirst()) }
        }
        guard let name = curves[curve] else { throw Failure(message: "x509: unknown elliptic curve") }
        return .ec(curve: name, d: d, publicPoint: point)
    }

    /// Tries the formats Go's `tls.X509KeyPair` tries, in its order.
    static func any(_ der: [UInt8]) throws(Failure) -> Key {
        if let k = try? pkcs1(der) { return k }
        if let k = try? pkcs8(der) { return k }
        if let k = try? sec1(der) { return k }
        throw Failure(message: "tls: failed to parse private key")
    }
}
