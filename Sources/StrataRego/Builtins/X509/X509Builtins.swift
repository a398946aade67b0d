import Foundation
import StrataRegoAST
import X509

/// `crypto.x509.*` and `crypto.parse_private_keys`: certificates, chains, CSRs and keys from PEM,
/// base64 PEM or base64 DER, with OPA's result shapes and Go's error messages.
enum X509Builtins {
    static let builtins: [Builtin] = [
        .unary("crypto.x509.parse_certificates") { (s) throws(BuiltinError) in
            .array(try certificates(try s.string(1)).map(GoCertificateJSON.certificate))
        },
        .unary("crypto.x509.parse_and_verify_certificates") { (s) throws(BuiltinError) in
            try parseAndVerify(try s.string(1), options: ChainVerifier.Options())
        },
        .binary("crypto.x509.parse_and_verify_certificates_with_options") { (s, o) throws(BuiltinError) in
            let text = try s.string(1)
            let object = try o.object(2)
            guard (try? certificates(text)) != nil else { return failed }
            return try parseAndVerify(text, options: try ChainVerifier.Options(object))
        },
        .unary("crypto.x509.parse_certificate_request") { (s) throws(BuiltinError) in try certificateRequest(try s.string(1)) },
        .binary("crypto.x509.parse_keypair") { (c, k) throws(BuiltinError) in try KeyPair.parse(cert: try c.string(1), key: try k.string(2)) },
        .unary("crypto.x509.parse_rsa_private_key") { (s) throws(BuiltinError) in
            let text = try s.string(1)
            if text.isEmpty { throw BuiltinError("input PEM data was empty") }
            let pemText = text.hasPrefix("-----BEGIN") ? text : String(decoding: try base64(text), as: UTF8.self)
            guard let first = try privateKeys(pemText).first else { return .null }
            return first.jwk
        },
        .unary("crypto.parse_private_keys") { (s) throws(BuiltinError) in
            let text = try s.string(1)
            if text.isEmpty { return .null }
            return .array(try privateKeys(text).map(\.goJSON))
        },
    ]

    static let failed = Value.array([.false, .array([])])

    typealias Parsed = CertificateDecoder.Decoded

    static func base64(_ text: String) throws(BuiltinError) -> [UInt8] {
        switch GoBase64.decode(text) {
        case .success(let b): return b
        case .failure(let f): throw BuiltinError(f.message)
        }
    }

    /// PEM, or base64 of PEM, or base64 of concatenated DER (OPA's `getX509CertsFromString`).
    static func certificates(_ text: String) throws(BuiltinError) -> [Parsed] {
        var bytes: [UInt8]
        if text.hasPrefix("-----BEGIN") {
            bytes = try pemCertificates(text)
        } else {
            bytes = try base64(text)
            if bytes.starts(with: Array("-----BEGIN".utf8)) { bytes = try pemCertificates(String(decoding: bytes, as: UTF8.self)) }
        }
        var out: [Parsed] = []
        for der in try DERSplit.elements(bytes) { out.append(try CertificateDecoder.decode(der)) }
        return out
    }

    static func pemCertificates(_ text: String) throws(BuiltinError) -> [UInt8] {
        var out: [UInt8] = []
        for block in PEM.blocks(text) {
            guard block.type == "CERTIFICATE" else { throw BuiltinError("PEM block type is '\(block.type)', expected CERTIFICATE") }
            out += block.bytes
        }
        return out
    }

    static func parseAndVerify(_ text: String, options: ChainVerifier.Options) throws(BuiltinError) -> Value {
        guard let certs = try? certificates(text), let chain = try? ChainVerifier.verify(certs, options) else { return failed }
        return .array([.true, .array(chain.map(GoCertificateJSON.certificate))])
    }

    static func certificateRequest(_ text: String) throws(BuiltinError) -> Value {
        var bytes = Array(text.utf8)
        if !text.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----") { bytes = try base64(text) }
        let (block, _) = PEM.decode(ArraySlice(bytes))
        if let block {
            guard block.type == "CERTIFICATE REQUEST" else { throw BuiltinError("invalid PEM-encoded certificate signing request") }
            bytes = block.bytes
        }
        // A request's key goes through swift-crypto too; a malformed RSA key is refused before it gets there.
        let key = DERParts(Array(bytes), isRequest: true).subjectPublicKeyInfo
        guard key.isEmpty || RSAPublicKeyDER.isSafeForCertificates(key) else {
            throw BuiltinError("x509: malformed certificate request")
        }
        do { return GoCertificateJSON.request(try CertificateSigningRequest(derEncoded: bytes), der: bytes) } catch {
            throw BuiltinError("x509: malformed certificate request")
        }
    }

    /// Private keys in PEM blocks (base64-wrapped PEM too); unknown block types are skipped, as OPA does.
    static func privateKeys(_ text: String) throws(BuiltinError) -> [PrivateKeyDER.Key] {
        var pemText = text
        if case .success(let decoded) = GoBase64.decode(text) { pemText = String(decoding: decoded, as: UTF8.self) }
        var out: [PrivateKeyDER.Key] = []
        for block in PEM.blocks(pemText) {
            do {
                switch block.type {
                case "RSA PRIVATE KEY": out.append(try PrivateKeyDER.pkcs1(block.bytes))
                case "PRIVATE KEY": out.append(try PrivateKeyDER.pkcs8(block.bytes))
                case "EC PRIVATE KEY": out.append(try PrivateKeyDER.sec1(block.bytes))
                default: continue
                }
            } catch {
                throw BuiltinError(error.message)
            }
        }
        return out
    }
}

/// Splits concatenated DER values (Go's `x509.ParseCertificates` input) by their TLV headers.
enum DERSplit {
    static func elements(_ bytes: [UInt8]) throws(BuiltinError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var i = 0
        while i < bytes.count {
            guard bytes.count - i >= 2 else { throw BuiltinError("x509: malformed certificate") }
            var length = Int(bytes[i + 1])
            var header = 2
            if length & 0x80 != 0 {
                let n = length & 0x7F
                guard n >= 1, n <= 4, bytes.count - i >= 2 + n else { throw BuiltinError("x509: malformed certificate") }
                length = 0
                for b in bytes[(i + 2)..<(i + 2 + n)] { length = length << 8 | Int(b) }
                header += n
            }
            guard length <= bytes.count - i - header else { throw BuiltinError("x509: malformed certificate") }
            out.append(Array(bytes[i..<(i + header + length)]))
            i += header + length
        }
        return out
    }
}
