import Crypto
import _CryptoExtras
import Foundation

/// One JWS `alg` (RFC 7518 §3): a family and a hash. A key of the wrong type never verifies;
/// signing with one is an error.
struct JWSAlgorithm: Sendable {
    enum Family: Sendable { case hmac, rsaPKCS1, rsaPSS, ecdsa, eddsa }
    enum Hash: Sendable { case sha256, sha384, sha512 }

    var name: String
    var family: Family
    var hash: Hash

    /// The algorithms OPA knows (its `tokenAlgorithms`).
    static let table: [String: JWSAlgorithm] = {
        var t: [String: JWSAlgorithm] = ["EdDSA": JWSAlgorithm(name: "EdDSA", family: .eddsa, hash: .sha512)]
        let families: [(String, Family)] = [("HS", .hmac), ("RS", .rsaPKCS1), ("PS", .rsaPSS), ("ES", .ecdsa)]
        let hashes: [(String, Hash)] = [("256", .sha256), ("384", .sha384), ("512", .sha512)]
        for (prefix, family) in families {
            for (size, hash) in hashes { t[prefix + size] = JWSAlgorithm(name: prefix + size, family: family, hash: hash) }
        }
        return t
    }()

    func verify(_ key: JOSEKey, _ input: [UInt8], _ signature: [UInt8]) -> Bool {
        switch hash {
        case .sha256: verify(SHA256.self, key, input, signature)
        case .sha384: verify(SHA384.self, key, input, signature)
        case .sha512: verify(SHA512.self, key, input, signature)
        }
    }

    func sign(_ key: JOSEKey, _ input: [UInt8]) throws(BuiltinError) -> [UInt8] {
        switch hash {
        case .sha256: try sign(SHA256.self, key, input)
        case .sha384: try sign(SHA384.self, key, input)
        case .sha512: try sign(SHA512.self, key, input)
        }
    }

    private func verify<H: HashFunction>(_: H.Type, _ key: JOSEKey, _ input: [UInt8], _ sig: [UInt8]) -> Bool {
        switch (family, key) {
        case (.hmac, .secret(let secret)): return Self.constantTimeEqual(Self.mac(H.self, secret, input), sig)
        case (.rsaPKCS1, .rsa(let pub, _)): return RSAVerifier.verify(pub, H.self, input: input, signature: sig, pss: false)
        case (.rsaPSS, .rsa(let pub, _)): return RSAVerifier.verify(pub, H.self, input: input, signature: sig, pss: true)
        case (.ecdsa, .p256(let k, _)):
            return Self.ecRaw(sig, 32).flatMap { try? P256.Signing.ECDSASignature(rawRepresentation: $0) }.map { k.isValidSignature($0, for: H.hash(data: input)) } ?? false
        case (.ecdsa, .p384(let k, _)):
            return Self.ecRaw(sig, 48).flatMap { try? P384.Signing.ECDSASignature(rawRepresentation: $0) }.map { k.isValidSignature($0, for: H.hash(data: input)) } ?? false
        case (.ecdsa, .p521(let k, _)):
            return Self.ecRaw(sig, 66).flatMap { try? P521.Signing.ECDSASignature(rawRepresentation: $0) }.map { k.isValidSignature($0, for: H.hash(data: input)) } ?? false
        case (.eddsa, .ed25519(let k, _)): return k.isValidSignature(sig, for: input)
        default: return false
        }
    }

    private func sign<H: HashFunction>(_: H.Type, _ key: JOSEKey, _ input: [UInt8]) throws(BuiltinError) -> [UInt8] {
        do {
            switch (family, key) {
            case (.hmac, .secret(let secret)): return Self.mac(H.self, secret, input)
            // PSS signs with a salt as long as the hash (RFC 7518 §3.5).
            case (.rsaPKCS1, .rsa(_, let k?)): return Array(try k.signature(for: H.hash(data: input), padding: .insecurePKCS1v1_5).rawRepresentation)
            case (.rsaPSS, .rsa(_, let k?)): return Array(try k.signature(for: H.hash(data: input), padding: .PSS).rawRepresentation)
            case (.ecdsa, .p256(_, let k?)): return Array(try k.signature(for: H.hash(data: input)).rawRepresentation)
            case (.ecdsa, .p384(_, let k?)): return Array(try k.signature(for: H.hash(data: input)).rawRepresentation)
            case (.ecdsa, .p521(_, let k?)): return Array(try k.signature(for: H.hash(data: input)).rawRepresentation)
            case (.eddsa, .ed25519(_, let k?)): return Array(try k.signature(for: input))
            default: throw BuiltinError("failed to sign payload: invalid key type for \(name)")
            }
        } catch let e as BuiltinError {
            throw e
        } catch {
            throw BuiltinError("failed to sign payload: \(error)")
        }
    }

    static func mac<H: HashFunction>(_: H.Type, _ secret: [UInt8], _ input: [UInt8]) -> [UInt8] {
        Array(HMAC<H>.authenticationCode(for: input, using: SymmetricKey(data: secret)))
    }

    /// `r || s` split in halves (as Go's verifier does), each left-padded to the curve's size.
    static func ecRaw(_ sig: [UInt8], _ size: Int) -> [UInt8]? {
        guard !sig.isEmpty, sig.count % 2 == 0 else { return nil }
        let half = sig.count / 2
        var out: [UInt8] = []
        for part in [sig[..<half], sig[half...]] {
            let trimmed = part.drop { $0 == 0 }
            guard trimmed.count <= size else { return nil }
            out += Array(repeating: 0, count: size - trimmed.count) + trimmed
        }
        return out
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}
