import BigInt
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509
import StrataRego
import StrataRegoAST

/// `crypto.x509.*` and `crypto.parse_private_keys` on a CA and a leaf generated at test time.
@Suite("x509 builtins")
struct X509BuiltinTests {
    struct PKI {
        var rootPEM: String, leafPEM: String, leafDER: [UInt8], leafKeyPEM: String, otherLeafPEM: String
    }

    static func makePKI(leafNotAfter: Date = Date() + 86_400) throws -> PKI {
        let rootKey = P256.Signing.PrivateKey(), leafKey = P256.Signing.PrivateKey(), strangerKey = P256.Signing.PrivateKey()
        let rootName = try DistinguishedName { CountryName("GB"); OrganizationName("Strata"); CommonName("Strata Test Root") }
        let leafName = try DistinguishedName { OrganizationName("Strata"); CommonName("svc.example.com") }
        let now = Date()
        let root = try Certificate(
            version: .v3, serialNumber: .init(bytes: [0x01, 0x02]), publicKey: .init(rootKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 86_400 * 2, issuer: rootName, subject: rootName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 1))
                KeyUsage(keyCertSign: true, cRLSign: true)
            },
            issuerPrivateKey: .init(rootKey))
        func leaf(signedBy key: P256.Signing.PrivateKey) throws -> Certificate {
            try Certificate(
                version: .v3, serialNumber: .init(bytes: [0x30, 0x39]), publicKey: .init(leafKey.publicKey),
                notValidBefore: now - 3600, notValidAfter: leafNotAfter, issuer: rootName, subject: leafName,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    KeyUsage(digitalSignature: true)
                    try ExtendedKeyUsage([.serverAuth])
                    SubjectAlternativeNames([
                        .dnsName("svc.example.com"), .uniformResourceIdentifier("spiffe://example.com/svc"),
                        .rfc822Name("ops@example.com"), .ipAddress(ASN1OctetString(contentBytes: [10, 0, 0, 1])),
                    ])
                },
                issuerPrivateKey: .init(key))
        }
        let good = try leaf(signedBy: rootKey)
        var serializer = DER.Serializer()
        try serializer.serialize(good)
        return PKI(rootPEM: try root.serializeAsPEM().pemString, leafPEM: try good.serializeAsPEM().pemString,
                   leafDER: serializer.serializedBytes, leafKeyPEM: leafKey.pemRepresentation,
                   otherLeafPEM: try leaf(signedBy: strangerKey).serializeAsPEM().pemString)
    }

    @Test("parse_certificates: Go's field names and values")
    func parse() throws {
        let pki = try Self.makePKI()
        let certs = try #require(try CryptoEval.eval("crypto.x509.parse_certificates(input.pem)", input: ["pem": .string(pki.rootPEM + pki.leafPEM)]))
        let root = try #require(certs[.int(0)]), leaf = try #require(certs[.int(1)])
        let checks: [(Value?, Value)] = [
            (root[.string("Subject")]?[.string("CommonName")], .string("Strata Test Root")),
            (root[.string("Subject")]?[.string("Country")], .array([.string("GB")])),
            (root[.string("IsCA")], .true), (root[.string("MaxPathLen")], .int(1)), (root[.string("SerialNumber")], .int(258)),
            (root[.string("KeyUsage")], .int(96)), (root[.string("URIStrings")], .null),
            (leaf[.string("Version")], .int(3)), (leaf[.string("SerialNumber")], .int(12345)),
            (leaf[.string("Issuer")]?[.string("CommonName")], .string("Strata Test Root")),
            (leaf[.string("DNSNames")], .array([.string("svc.example.com")])),
            (leaf[.string("EmailAddresses")], .array([.string("ops@example.com")])),
            (leaf[.string("IPAddresses")], .array([.string("10.0.0.1")])),
            (leaf[.string("URIStrings")], .array([.string("spiffe://example.com/svc")])),
            (leaf[.string("URIs")]?[.int(0)]?[.string("Host")], .string("example.com")),
            (leaf[.string("ExtKeyUsage")], .array([.int(1)])), (leaf[.string("IsCA")], .false),
            (leaf[.string("SignatureAlgorithm")], .int(10)), (leaf[.string("PublicKeyAlgorithm")], .int(3)),
            (leaf[.string("Raw")], .string(Data(pki.leafDER).base64EncodedString())),
        ]
        for (i, (got, want)) in checks.enumerated() { #expect(got == want, "check \(i): \(String(describing: got?.jsonString()))") }
        // The same certificates as base64 of PEM and as base64 of DER.
        let b64pem = Data((pki.rootPEM + pki.leafPEM).utf8).base64EncodedString()
        #expect(try CryptoEval.eval("count(crypto.x509.parse_certificates(input.s))", input: ["s": .string(b64pem)]) == .int(2))
        let b64der = Data(pki.leafDER).base64EncodedString()
        #expect(try CryptoEval.eval("crypto.x509.parse_certificates(input.s)[0].Subject.CommonName", input: ["s": .string(b64der)]) == .string("svc.example.com"))
    }

    @Test("parse_and_verify_certificates: chains, names, times and usages")
    func verify() throws {
        let pki = try Self.makePKI()
        let chain = try CryptoEval.eval("crypto.x509.parse_and_verify_certificates(input.pem)", input: ["pem": .string(pki.rootPEM + pki.leafPEM)])
        #expect(chain?[.int(0)] == .true)
        #expect(chain?[.int(1)]?[.int(0)]?[.string("Subject")]?[.string("CommonName")] == .string("svc.example.com"))
        #expect(chain?[.int(1)]?[.int(1)]?[.string("Subject")]?[.string("CommonName")] == .string("Strata Test Root"))
        let failing: [(String, String)] = [
            ("crypto.x509.parse_and_verify_certificates(input.other)", "leaf signed by another key"),
            ("crypto.x509.parse_and_verify_certificates(input.leaf)", "one certificate only"),
            ("crypto.x509.parse_and_verify_certificates(\"garbage\")", "not certificates"),
            (#"crypto.x509.parse_and_verify_certificates_with_options(input.pem, {"DNSName": "other.example.com"})"#, "wrong DNS name"),
            (#"crypto.x509.parse_and_verify_certificates_with_options(input.pem, {"CurrentTime": 4102444800000000000})"#, "expired"),
            (#"crypto.x509.parse_and_verify_certificates_with_options(input.pem, {"KeyUsages": ["KeyUsageCodeSigning"]})"#, "usage"),
        ]
        let input: [String: Value] = ["pem": .string(pki.rootPEM + pki.leafPEM), "other": .string(pki.rootPEM + pki.otherLeafPEM), "leaf": .string(pki.leafPEM)]
        for (expr, why) in failing { #expect(try CryptoEval.eval(expr, input: input)?.jsonString() == "[false,[]]", "\(why)") }
        let ok = #"crypto.x509.parse_and_verify_certificates_with_options(input.pem, {"DNSName": "svc.example.com", "KeyUsages": ["KeyUsageServerAuth"]})[0]"#
        #expect(try CryptoEval.eval(ok, input: input) == .true)
        #expect(CryptoEval.error(#"crypto.x509.parse_and_verify_certificates_with_options(input.pem, {"Colour": 1})"#, input: input)?
            .contains("invalid key option") == true)
    }

    @Test("parse_keypair, parse_rsa_private_key and parse_private_keys")
    func keys() throws {
        let pki = try Self.makePKI()
        let pair = try CryptoEval.eval("crypto.x509.parse_keypair(input.cert, input.key)", input: ["cert": .string(pki.leafPEM), "key": .string(pki.leafKeyPEM)])
        #expect(pair?[.string("Certificate")]?[.int(0)] == .string(Data(pki.leafDER).base64EncodedString()))
        let other = P256.Signing.PrivateKey()
        #expect(CryptoEval.error("crypto.x509.parse_keypair(input.cert, input.key)", input: ["cert": .string(pki.leafPEM), "key": .string(other.pemRepresentation)])?
            .contains("tls: private key does not match public key") == true)
        let ec = try CryptoEval.eval("crypto.parse_private_keys(input.k)", input: ["k": .string(other.pemRepresentation + other.pemRepresentation)])
        let x = Array(other.publicKey.x963Representation.dropFirst().prefix(32))
        #expect(ec?[.int(1)]?[.string("X")]?.jsonString() == Value.number(.int(BigUIntBytes.value(x))).jsonString())
        #expect(try CryptoEval.eval("crypto.parse_private_keys(\"\")") == .null)
        #expect(try CryptoEval.eval("crypto.parse_private_keys(\"no keys here\")") == .array([]))
    }

    @Test("hostile certificate input is a clear error", arguments: [
        ("crypto.x509.parse_certificates(input.truncated)", "x509: malformed certificate"),
        ("crypto.x509.parse_certificates(\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\")", "x509: malformed certificate"),
        ("crypto.x509.parse_certificates(\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\")", "PEM block type is 'PRIVATE KEY', expected CERTIFICATE"),
        ("crypto.x509.parse_certificates(input.huge)", "illegal base64 data at input byte"),
        ("crypto.x509.parse_certificate_request(\"Zm9vYmFy\")", "x509: malformed certificate request"),
        ("crypto.x509.parse_rsa_private_key(\"-----BEGIN RSA PRIVATE KEY-----\\nMAA=\\n-----END RSA PRIVATE KEY-----\")", "x509: failed to parse private key"),
        ("crypto.x509.parse_keypair(\"???\", \"???\")", "illegal base64 data at input byte 0"),
    ])
    func hostile(expr: String, message: String) throws {
        let pki = try Self.makePKI()
        let truncated = Data(pki.leafDER.prefix(pki.leafDER.count / 2)).base64EncodedString()
        let huge = String(repeating: "QUJD", count: 500_000) + "!"
        let error = CryptoEval.error(expr, input: ["truncated": .string(truncated), "huge": .string(huge)])
        #expect(error?.contains(message) == true, "\(String(describing: error))")
    }
}

/// Big-endian bytes as a BigInt, for comparing Go-shaped key numbers.
enum BigUIntBytes {
    static func value(_ bytes: [UInt8]) -> BigInt { BigInt(BigUInt(Data(bytes))) }
}
