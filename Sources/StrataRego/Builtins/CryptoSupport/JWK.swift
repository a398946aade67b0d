import Crypto
import _CryptoExtras
import StrataRegoAST

/// JSON Web Keys (RFC 7517): one key or a set (`{"keys": [...]}`) → keys with their `alg` and `kid`.
enum JWK {
    struct Failure: Error, Sendable { var message: String }

    /// Parses JSON text holding a JWK or a JWK set.
    static func parseSet(_ text: String) -> Result<[VerificationKey], Failure> {
        let value: Value
        do { value = try JSONReader.parse(text) } catch { return .failure(Failure(message: "invalid JSON: \(error.message)")) }
        return parseSet(value)
    }

    static func parseSet(_ value: Value) -> Result<[VerificationKey], Failure> {
        guard case .object(let o) = value else { return .failure(Failure(message: "JWK must be a JSON object")) }
        let members: [Value]
        if let keys = o[.string("keys")] {
            guard case .array(let list) = keys else { return .failure(Failure(message: "\"keys\" must be an array")) }
            members = list
        } else {
            members = [value]
        }
        var out: [VerificationKey] = []
        for (i, member) in members.enumerated() {
            switch parseKey(member) {
            case .success(let k): out.append(k)
            case .failure(let f): return .failure(members.count > 1 || o[.string("keys")] != nil ? Failure(message: "key \(i): \(f.message)") : f)
            }
        }
        return .success(out)
    }

    static func parseKey(_ value: Value) -> Result<VerificationKey, Failure> {
        guard case .object(let o) = value else { return .failure(Failure(message: "JWK must be a JSON object")) }
        guard let kty = o[.string("kty")]?.stringValue else { return .failure(Failure(message: "missing \"kty\" field")) }
        guard let build = keyTypes[kty] else { return .failure(Failure(message: "invalid key type \"\(kty)\"")) }
        do {
            let key = try build(Fields(object: o))
            return .success(VerificationKey(key: key, alg: o[.string("alg")]?.stringValue ?? "", kid: o[.string("kid")]?.stringValue ?? ""))
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(message: "invalid \(kty) key: \(error)"))
        }
    }

    /// Base64url-decoded members of one JWK object.
    struct Fields {
        var object: [Value: Value]

        func bytes(_ name: String) throws(Failure) -> [UInt8] {
            guard let v = optionalBytes(name) else { throw Failure(message: "missing or invalid \"\(name)\" field") }
            return v
        }

        func optionalBytes(_ name: String) -> [UInt8]? {
            guard let s = object[.string(name)]?.stringValue, case .success(let b) = GoBase64.decodeURLLenient(s) else { return nil }
            return b
        }

        func string(_ name: String) -> String? { object[.string(name)]?.stringValue }
    }

    /// `kty` → how to build the key. `oct` keys are shared secrets (HMAC).
    static let keyTypes: [String: @Sendable (Fields) throws -> JOSEKey] = [
        "RSA": rsaKey,
        "EC": ecKey,
        "OKP": okpKey,
        "oct": { f in .secret(try f.bytes("k")) },
    ]

    static func rsaKey(_ f: Fields) throws -> JOSEKey {
        let n = try f.bytes("n"), e = try f.bytes("e")
        let pub = try _RSA.Signing.PublicKey(n: n, e: e)
        guard let d = f.optionalBytes("d") else { return .rsa(pub, nil) }
        let priv: _RSA.Signing.PrivateKey
        if let p = f.optionalBytes("p"), let q = f.optionalBytes("q") {
            priv = try _RSA.Signing.PrivateKey(n: n, e: e, d: d, p: p, q: q)
        } else {
            priv = try _RSA.Signing.PrivateKey._createFromNumbers(n: n, e: e, d: d)
        }
        return .rsa(pub, priv)
    }

    static func ecKey(_ f: Fields) throws -> JOSEKey {
        guard let crv = f.string("crv") else { throw Failure(message: "missing \"crv\" field") }
        let x = try f.bytes("x"), y = try f.bytes("y"), d = f.optionalBytes("d")
        func point(_ size: Int) throws(Failure) -> [UInt8] {
            guard x.count <= size, y.count <= size else { throw Failure(message: "invalid \(crv) point") }
            return [0x04] + pad(x, size) + pad(y, size)
        }
        switch crv {
        case "P-256": return .p256(try .init(x963Representation: point(32)), try d.map { try .init(rawRepresentation: pad($0, 32)) })
        case "P-384": return .p384(try .init(x963Representation: point(48)), try d.map { try .init(rawRepresentation: pad($0, 48)) })
        case "P-521": return .p521(try .init(x963Representation: point(66)), try d.map { try .init(rawRepresentation: pad($0, 66)) })
        default: throw Failure(message: "unsupported curve \"\(crv)\"")
        }
    }

    static func okpKey(_ f: Fields) throws -> JOSEKey {
        guard f.string("crv") == "Ed25519" else { throw Failure(message: "unsupported curve \"\(f.string("crv") ?? "")\"") }
        let pub = try Curve25519.Signing.PublicKey(rawRepresentation: try f.bytes("x"))
        return .ed25519(pub, try f.optionalBytes("d").map { try .init(rawRepresentation: $0) })
    }

    static func pad(_ bytes: [UInt8], _ size: Int) -> [UInt8] {
        bytes.count >= size ? bytes : Array(repeating: 0, count: size - bytes.count) + bytes
    }
}
