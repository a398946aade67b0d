import BigInt
import Crypto
import _CryptoExtras
import Foundation
import StrataRegoAST
import SwiftASN1
import X509

/// A certificate (or CSR) as OPA returns it: Go's `x509.Certificate` marshalled to JSON, field names
/// and all (`Subject.CommonName`, `NotBefore`, `DNSNames`, `URIStrings`...). Empty lists are `null`, as Go's nil slices.
enum GoCertificateJSON {
    static func certificate(_ decoded: CertificateDecoder.Decoded) -> Value {
        let cert = decoded.cert
        let parts = DERParts(decoded.der)
        let ext = cert.extensions
        let names = alternativeNames(ext)
        var o: [String: Value] = [
            "Raw": bytes(parts.raw), "RawTBSCertificate": bytes(parts.tbs), "RawSubjectPublicKeyInfo": bytes(parts.subjectPublicKeyInfo),
            "RawSubject": bytes(parts.subject), "RawIssuer": bytes(parts.issuer),
            "Signature": bytes(cert.signature.rawRepresentation),
            "SignatureAlgorithm": .int(GoX509Codes.signatureAlgorithms[parts.signatureAlgorithm] ?? 0),
            "PublicKeyAlgorithm": .int(GoX509Codes.publicKeyAlgorithms[parts.publicKeyAlgorithm] ?? 0),
            "PublicKey": decoded.weakRSAKey.map(rsaKey) ?? publicKey(cert.publicKey),
            "Version": .int(versionNumber(cert.version)),
            "SerialNumber": .number(.int(BigInt(BigUInt(Data(cert.serialNumber.bytes))))),
            "Issuer": name(cert.issuer), "Subject": name(cert.subject),
            "NotBefore": .string(time(cert.notValidBefore)), "NotAfter": .string(time(cert.notValidAfter)),
            "KeyUsage": .int(keyUsage(ext)),
            "Extensions": list(ext.map { e in
                .object([.string("Id"): oid(e.oid.oidComponents), .string("Critical"): .bool(e.critical), .string("Value"): bytes(Array(e.value))])
            }),
            "ExtraExtensions": .null, "UnhandledCriticalExtensions": .null,
            "ExtKeyUsage": .null, "UnknownExtKeyUsage": .null,
            "BasicConstraintsValid": .false, "IsCA": .false, "MaxPathLen": .int(-1), "MaxPathLenZero": .false,
            "SubjectKeyId": .null, "AuthorityKeyId": .null,
            "OCSPServer": .null, "IssuingCertificateURL": .null,
            "DNSNames": strings(names.dns), "EmailAddresses": strings(names.email), "IPAddresses": strings(names.ip),
            "URIs": list(names.uri.map(uriObject)), "URIStrings": strings(names.uri),
            "PermittedDNSDomainsCritical": .false, "PermittedDNSDomains": .null, "ExcludedDNSDomains": .null,
            "PermittedIPRanges": .null, "ExcludedIPRanges": .null, "PermittedEmailAddresses": .null,
            "ExcludedEmailAddresses": .null, "PermittedURIDomains": .null, "ExcludedURIDomains": .null,
            "CRLDistributionPoints": .null, "PolicyIdentifiers": .null, "Policies": .null,
        ]
        if let eku = try? ext.extendedKeyUsage {
            var known: [Value] = [], unknown: [Value] = []
            for usage in eku {
                let components = ASN1ObjectIdentifier(usage).oidComponents
                if let code = GoX509Codes.extKeyUsages[components] { known.append(.int(code)) } else { unknown.append(oid(components)) }
            }
            o["ExtKeyUsage"] = list(known)
            o["UnknownExtKeyUsage"] = list(unknown)
        }
        if let bc = try? ext.basicConstraints {
            o["BasicConstraintsValid"] = .true
            if case .isCertificateAuthority(let maxPath) = bc {
                o["IsCA"] = .true
                if let maxPath {
                    o["MaxPathLen"] = .int(maxPath)
                    o["MaxPathLenZero"] = .bool(maxPath == 0)
                }
            }
        }
        if let ski = try? ext.subjectKeyIdentifier { o["SubjectKeyId"] = bytes(Array(ski.keyIdentifier)) }
        if let aki = try? ext.authorityKeyIdentifier, let id = aki.keyIdentifier { o["AuthorityKeyId"] = bytes(Array(id)) }
        if let aia = try? ext.authorityInformationAccess {
            var ocsp: [String] = [], issuers: [String] = []
            for d in aia {
                guard case .uniformResourceIdentifier(let uri) = d.location else { continue }
                if d.method == .ocspServer { ocsp.append(uri) } else if d.method == .issuingCA { issuers.append(uri) }
            }
            o["OCSPServer"] = strings(ocsp)
            o["IssuingCertificateURL"] = strings(issuers)
        }
        return .object(Dictionary(uniqueKeysWithValues: o.map { (.string($0.key), $0.value) }))
    }

    /// Go's `x509.CertificateRequest` as JSON.
    static func request(_ csr: CertificateSigningRequest, der: [UInt8]) -> Value {
        let parts = DERParts(der, isRequest: true)
        let ext = (try? csr.attributes.extensionRequest)?.extensions
        let names = ext.map(alternativeNames) ?? AltNames()
        let o: [String: Value] = [
            "Raw": bytes(parts.raw), "RawTBSCertificateRequest": bytes(parts.tbs),
            "RawSubjectPublicKeyInfo": bytes(parts.subjectPublicKeyInfo), "RawSubject": bytes(parts.subject),
            "Version": .int(csr.version == .v1 ? 0 : 1), "Signature": bytes(csr.signature.rawRepresentation),
            "SignatureAlgorithm": .int(GoX509Codes.signatureAlgorithms[parts.signatureAlgorithm] ?? 0),
            "PublicKeyAlgorithm": .int(GoX509Codes.publicKeyAlgorithms[parts.publicKeyAlgorithm] ?? 0),
            "PublicKey": publicKey(csr.publicKey), "Subject": name(csr.subject), "Attributes": .null,
            "Extensions": list((ext.map(Array.init) ?? []).map { e in
                .object([.string("Id"): oid(e.oid.oidComponents), .string("Critical"): .bool(e.critical), .string("Value"): bytes(Array(e.value))])
            }),
            "ExtraExtensions": .null,
            "DNSNames": strings(names.dns), "EmailAddresses": strings(names.email), "IPAddresses": strings(names.ip),
            "URIs": list(names.uri.map(uriObject)),
        ]
        return .object(Dictionary(uniqueKeysWithValues: o.map { (.string($0.key), $0.value) }))
    }

    struct AltNames { var dns: [String] = [], email: [String] = [], ip: [String] = [], uri: [String] = [] }

    static func alternativeNames(_ ext: Certificate.Extensions) -> AltNames {
        var out = AltNames()
        guard let san = try? ext.subjectAlternativeNames else { return out }
        for n in san {
            switch n {
            case .dnsName(let s): out.dns.append(s)
            case .rfc822Name(let s): out.email.append(s)
            case .uniformResourceIdentifier(let s): out.uri.append(s)
            case .ipAddress(let octets): out.ip.append(ipText(Array(octets.bytes)))
            default: break
            }
        }
        return out
    }

    /// `pkix.Name`: the well-known attributes by field, all of them under `Names`.
    static func name(_ dn: DistinguishedName) -> Value {
        var fields: [String: [String]] = [:]
        var serial = "", common = ""
        var all: [Value] = []
        for rdn in dn {
            for attr in rdn {
                let text = String(attr.value) ?? attr.value.description
                let type = attr.type.oidComponents
                all.append(.object([.string("Type"): oid(type), .string("Value"): .string(text)]))
                if type == [2, 5, 4, 3] { common = text } else if type == [2, 5, 4, 5] { serial = text }
                else if let field = GoX509Codes.nameFields.first(where: { $0.0 == type })?.1 { fields[field, default: []].append(text) }
            }
        }
        var o: [Value: Value] = [
            .string("CommonName"): .string(common), .string("SerialNumber"): .string(serial),
            .string("Names"): list(all), .string("ExtraNames"): .null,
        ]
        for (_, field) in GoX509Codes.nameFields { o[.string(field)] = strings(fields[field] ?? []) }
        return .object(o)
    }

    static func publicKey(_ key: Certificate.PublicKey) -> Value {
        if let rsa = _RSA.Signing.PublicKey(key) { return rsaKey(rsa) }
        func ec(_ x963: Data) -> Value {
            let point = Array(x963.dropFirst())
            let half = point.count / 2
            return .object([.string("Curve"): .emptyObject, .string("X"): big(Array(point[..<half])), .string("Y"): big(Array(point[half...]))])
        }
        if let k = P256.Signing.PublicKey(key) { return ec(k.x963Representation) }
        if let k = P384.Signing.PublicKey(key) { return ec(k.x963Representation) }
        if let k = P521.Signing.PublicKey(key) { return ec(k.x963Representation) }
        if let k = Curve25519.Signing.PublicKey(key) { return bytes(Array(k.rawRepresentation)) }
        return .null
    }

    static func rsaKey(_ rsa: _RSA.Signing.PublicKey) -> Value {
        guard let p = try? rsa.getKeyPrimitives() else { return .null }
        return .object([.string("N"): big(Array(p.modulus)), .string("E"): big(Array(p.publicExponent))])
    }

    static func versionNumber(_ v: Certificate.Version) -> Int {
        switch v {
        case .v1: 1
        case .v3: 3
        default: 2
        }
    }

    static func keyUsage(_ ext: Certificate.Extensions) -> Int {
        guard let ku = try? ext.keyUsage else { return 0 }
        let bits = [ku.digitalSignature, ku.nonRepudiation, ku.keyEncipherment, ku.dataEncipherment, ku.keyAgreement,
                    ku.keyCertSign, ku.cRLSign, ku.encipherOnly, ku.decipherOnly]
        return bits.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) }
    }

    /// Go's `url.URL` fields for a SAN URI.
    static func uriObject(_ text: String) -> Value {
        var scheme = "", rest = Substring(text), fragment = "", query = "", host = ""
        if let f = rest.firstIndex(of: "#") { fragment = String(rest[rest.index(after: f)...]); rest = rest[..<f] }
        if let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            scheme = String(rest[..<colon]).lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if let q = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: q)...]); rest = rest[..<q] }
        var opaque = ""
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            host = String(rest[..<end])
            rest = rest[end...]
        } else if !scheme.isEmpty, !rest.hasPrefix("/") {
            opaque = String(rest)
            rest = ""
        }
        let fields: [String: Value] = [
            "Scheme": .string(scheme), "Opaque": .string(opaque), "User": .null, "Host": .string(host),
            "Path": .string(String(rest)), "RawPath": .string(""), "OmitHost": .false, "ForceQuery": .false,
            "RawQuery": .string(query), "Fragment": .string(fragment), "RawFragment": .string(""),
        ]
        return .object(Dictionary(uniqueKeysWithValues: fields.map { (.string($0.key), $0.value) }))
    }

    static func ipText(_ b: [UInt8]) -> String {
        if b.count == 4 { return b.map(String.init).joined(separator: ".") }
        guard b.count == 16 else { return "?" + CryptoBuiltins.hex(b) }
        var groups: [String] = []
        for i in stride(from: 0, to: 16, by: 2) { groups.append(String(UInt16(b[i]) << 8 | UInt16(b[i + 1]), radix: 16)) }
        return groups.joined(separator: ":")
    }

    /// Go's `time.Time` JSON (RFC 3339, UTC for certificates).
    static func time(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: date)
    }

    static func bytes(_ b: [UInt8]) -> Value { .string(GoBase64.encode(b)) }
    static func big(_ b: [UInt8]) -> Value { .number(.int(BigInt(BigUInt(Data(b))))) }
    static func oid(_ components: [UInt]) -> Value { .array(components.map { .int(Int($0)) }) }
    static func strings(_ s: [String]) -> Value { s.isEmpty ? .null : .array(s.map { .string($0) }) }
    static func list(_ v: [Value]) -> Value { v.isEmpty ? .null : .array(v) }
}
