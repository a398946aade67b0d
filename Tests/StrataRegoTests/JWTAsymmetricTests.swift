import BigInt
import Crypto
import Foundation
import Testing
import _CryptoExtras
import StrataRego
import StrataRegoAST

/// `io.jwt.*` with asymmetric keys generated at test time: sign → verify round trips with every key
/// form (PEM public key, certificate, JWK, JWK set), tamper detection, and hostile key input.
@Suite("JWT asymmetric algorithms")
struct JWTAsymmetricTests {
    static let algorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]

    /// Signs `{"sub": "alice", "iss": "strata"}` with a fresh key and returns the token and the key.
    func signed(_ alg: String) throws -> (token: String, key: TestKey) {
        let key = try TestKey.make(alg)
        let token = try CryptoEval.eval(#"io.jwt.encode_sign({"alg": input.alg, "typ": "JWT"}, {"sub": "alice", "iss": "strata"}, input.jwk)"#,
                                        input: ["alg": .string(alg), "jwk": key.privateJWK])
        return (try #require(token?.stringValue), key)
    }

    @Test("sign then verify with every key form", arguments: algorithms)
    func roundTrip(alg: String) throws {
        let (token, key) = try signed(alg)
        let verify = "io.jwt.verify_\(alg.lowercased())(input.token, input.key)"
        for form in [key.publicPEM, key.certificatePEM, key.publicJWK, #"{"keys": [\#(key.publicJWK)]}"#] {
            #expect(try CryptoEval.eval(verify, input: ["token": .string(token), "key": .string(form)]) == .true, "\(alg) \(form.prefix(30))")
        }
        let decoded = try CryptoEval.eval(#"io.jwt.decode_verify(input.token, {"cert": input.key, "iss": "strata"})"#,
                                          input: ["token": .string(token), "key": .string(key.certificatePEM)])
        #expect(decoded?.jsonString() == #"[true,{"alg":"\#(alg)","typ":"JWT"},{"iss":"strata","sub":"alice"}]"#)
    }

    @Test("tampered tokens and other keys do not verify", arguments: algorithms)
    func tamper(alg: String) throws {
        let (token, key) = try signed(alg)
        let other = try TestKey.make(alg, variant: 1)
        var parts = token.split(separator: ".").map(String.init)
        parts[1] = CryptoEval.b64url(Data(#"{"iss":"strata","sub":"mallory"}"#.utf8))
        let forged = parts.joined(separator: ".")
        let verify = "io.jwt.verify_\(alg.lowercased())(input.token, input.key)"
        #expect(try CryptoEval.eval(verify, input: ["token": .string(forged), "key": .string(key.publicPEM)]) == .false)
        #expect(try CryptoEval.eval(verify, input: ["token": .string(token), "key": .string(other.publicPEM)]) == .false)
        let dv = try CryptoEval.eval(#"io.jwt.decode_verify(input.token, {"cert": input.key})"#,
                                     input: ["token": .string(forged), "key": .string(key.publicPEM)])
        #expect(dv?.jsonString() == #"[false,{},{}]"#)
    }

    @Test("a key set picks the key by kid, and skips keys of another alg")
    func keySets() throws {
        let (token, key) = try signed("ES256")
        let other = try TestKey.make("ES256")
        func set(_ jwks: String) throws -> Value? {
            try CryptoEval.eval("io.jwt.verify_es256(input.token, input.key)", input: ["token": .string(token), "key": .string(jwks)])
        }
        let good = String(key.publicJWK.dropLast()), bad = String(other.publicJWK.dropLast())
        #expect(try set(#"{"keys": [\#(bad)}, \#(good)}]}"#) == .true)
        #expect(try set(#"{"keys": [\#(good), "alg": "ES384"}]}"#) == .false)
        #expect(try set(#"{"keys": [\#(good), "alg": "ES256"}]}"#) == .true)
    }

    /// A 1024-bit key keeps the test's own (debug-build, arbitrary-precision) RSA signing fast; such
    /// small keys also exercise the path for keys swift-certificates refuses.
    static let smallRSA = try? _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))

    @Test("PSS signatures with any salt length verify, as Go's verifier accepts", arguments: [0, 20, 32, 94])
    func pssSaltLengths(salt: Int) throws {
        let rsa = try #require(Self.smallRSA)
        let jwk = try #require(try CryptoEval.eval("crypto.x509.parse_rsa_private_key(input.pem)", input: ["pem": .string(rsa.pemRepresentation)]))
        let publicPEM = rsa.publicKey.pemRepresentation
        func int(_ name: String) throws -> BigUInt { BigUInt(Data(try #require(Self.unb64url(jwk[.string(name)]?.stringValue ?? "")))) }
        let n = try int("n"), d = try int("d")
        let input = "eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0"
        // An independent EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with the given salt, signed with raw RSA.
        let emBits = n.bitWidth - 1, emLen = (emBits + 7) / 8
        let mHash = Array(SHA256.hash(data: Data(input.utf8)))
        let saltBytes = (0..<salt).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        let h = Array(SHA256.hash(data: Data(Array(repeating: 0, count: 8) + mHash + saltBytes)))
        let db = Array(repeating: UInt8(0), count: emLen - salt - 32 - 2) + [0x01] + saltBytes
        var mask: [UInt8] = []
        var counter: UInt32 = 0
        while mask.count < db.count {
            mask += Array(SHA256.hash(data: Data(h + withUnsafeBytes(of: counter.bigEndian) { Array($0) })))
            counter += 1
        }
        var maskedDB = zip(db, mask).map { $0 ^ $1 }
        maskedDB[0] &= UInt8(0xFF >> (8 * emLen - emBits))
        let em = BigUInt(Data(maskedDB + h + [0xBC]))
        var sig = Array(em.power(d, modulus: n).serialize())
        sig = Array(repeating: 0, count: (n.bitWidth + 7) / 8 - sig.count) + sig
        let token = input + "." + CryptoEval.b64url(Data(sig))
        #expect(try CryptoEval.eval("io.jwt.verify_ps256(input.t, input.k)", input: ["t": .string(token), "k": .string(publicPEM)]) == .true)
        var bad = sig
        bad[bad.count / 2] ^= 1
        #expect(try CryptoEval.eval("io.jwt.verify_ps256(input.t, input.k)",
                                    input: ["t": .string(input + "." + CryptoEval.b64url(Data(bad))), "k": .string(publicPEM)]) == .false)
    }

    static func unb64url(_ s: String) -> Data? {
        var t = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while t.count % 4 != 0 { t += "=" }
        return Data(base64Encoded: t)
    }

    @Test("hostile key and token input is a clear builtin error", arguments: [
        ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "failed to parse a PEM certificate"),
        ("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n", "failed to parse a PEM public key"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "failed to extract a Key from the PEM certificate"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\ntrailing", "extra data after a PEM certificate block"),
        // Complete SPKIs whose RSA key is garbage or negative: swift-crypto 3.12.3 double-frees on these, so they
        // must be refused before they reach it.
        ("-----BEGIN PUBLIC KEY-----\nMBYwDQYJKoZIhvcNAQEBBQADBQDerb7v\n-----END PUBLIC KEY-----\n", "failed to parse a PEM public key"),
        ("-----BEGIN PUBLIC KEY-----\nMBowDQYJKoZIhvcNAQEBBQADCQAwBgIBgAIBAw==\n-----END PUBLIC KEY-----\n", "failed to parse a PEM public key"),
        ("not a key", "failed to parse a JWK key (set)"),
        (#"{"kty":"RSA","n":"AQAB"}"#, "failed to parse a JWK key (set)"),
        (#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#, "failed to parse a JWK key (set)"),
        (#"{"keys": 5}"#, "failed to parse a JWK key (set)"),
        (String(repeating: "-----BEGIN A-----\n", count: 50_000), "failed to parse a JWK key (set)"),
        ((0..<20_000).map { "-----BEGIN T\($0)-----\n" }.joined(), "failed to parse a JWK key (set)"),
    ])
    func hostileKeys(key: String, message: String) throws {
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"
        let error = CryptoEval.error("io.jwt.verify_rs256(input.t, input.k)", input: ["t": .string(token), "k": .string(key)])
        #expect(error?.contains(message) == true, "\(String(describing: error))")
    }

    @Test("hostile tokens", arguments: [
        ("no-dots", "encoded JWT had no period separators"),
        ("a.b", "encoded JWT must have 3 sections, found 2"),
        ("!!!.e30.c2ln", "JWT header had invalid encoding: illegal base64 data at input byte 0"),
        ("W10.e30.c2ln", "bad JWT header: decoded JSON type was not an Object"),
        ("eyJhbGciOiJSUzI1NiJ9.e30.***", "illegal base64 data at input byte 0"),
        (String(repeating: "A", count: 2_000_000) + ".e30.c2ln", "bad JWT header"),
    ])
    func hostileTokens(token: String, message: String) throws {
        let key = try TestKey.make("ES256")
        let error = CryptoEval.error("io.jwt.verify_es256(input.t, input.k)", input: ["t": .string(token), "k": .string(key.publicPEM)])
        #expect(error?.contains(message) == true, "\(String(describing: error?.prefix(200)))")
    }

    @Test("signing checks the header, payload and key type", arguments: [
        (#"io.jwt.encode_sign_raw(`{"alg":"RS256"}`, `{}`, `{"kty":"oct","k":"c2VjcmV0"}`)"#, "invalid key type for RS256"),
        (#"io.jwt.encode_sign_raw(`{"alg":"none"}`, `{}`, `{"kty":"oct","k":"c2VjcmV0"}`)"#, "unknown JWS algorithm: none"),
        (#"io.jwt.encode_sign_raw(`{"alg":"HS256"}`, `nope`, `{"kty":"oct","k":"c2VjcmV0"}`)"#, "type is JWT but payload is not JSON"),
        (#"io.jwt.encode_sign_raw(`{"alg":"HS256"}`, `{}`, `{"keys":[]}`)"#, "no keys found in JWK set"),
        (#"io.jwt.encode_sign_raw(`{"alg":"HS256"}`, `{}`, `garbage`)"#, "failed to parse JWK"),
    ])
    func signErrors(expr: String, message: String) throws {
        let error = CryptoEval.error(expr)
        #expect(error?.contains(message) == true, "\(String(describing: error))")
    }

    @Test("decode_verify constraint errors", arguments: [
        (#"{"secret": "s", "cert": "{\"kty\":\"oct\",\"k\":\"cw\"}"}"#, "duplicate key constraints"),
        (#"{"iss": "x"}"#, "no key constraint"),
        (#"{"secret": "s", "colour": "red"}"#, "unknown token validation constraint: colour"),
        (#"{"secret": "s", "time": "now"}"#, "token time constraint: must be a number"),
        (#"{"secret": "s", "time": -1}"#, "token time constraint: must not be negative"),
        (#"{"secret": 5}"#, "secret constraint: must be a string"),
    ])
    func constraintErrors(constraints: String, message: String) throws {
        let token = "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"
        let error = CryptoEval.error(#"io.jwt.decode_verify("\#(token)", \#(constraints))"#)
        #expect(error?.contains(message) == true, "\(String(describing: error))")
    }

    @Test("nested tokens verify level by level")
    func nested() throws {
        let inner = try #require(CryptoEval.eval(#"io.jwt.encode_sign({"alg": "HS256"}, {"sub": "inner"}, {"kty": "oct", "k": "c2VjcmV0"})"#)?.stringValue)
        let outer = try #require(CryptoEval.eval(#"io.jwt.encode_sign_raw(`{"alg":"HS256","cty":"JWT","typ":"nested"}`, input.inner, `{"kty":"oct","k":"c2VjcmV0"}`)"#,
                                                 input: ["inner": .string(inner)])?.stringValue)
        let ok = try CryptoEval.eval(#"io.jwt.decode_verify(input.t, {"secret": "secret"})"#, input: ["t": .string(outer)])
        #expect(ok?.jsonString() == #"[true,{"alg":"HS256"},{"sub":"inner"}]"#)
        let wrong = try CryptoEval.eval(#"io.jwt.decode_verify(input.t, {"secret": "other"})"#, input: ["t": .string(outer)])
        #expect(wrong?.jsonString() == #"[false,{},{}]"#)
        let decoded = try CryptoEval.eval("io.jwt.decode(input.t)[1]", input: ["t": .string(outer)])
        #expect(decoded?.jsonString() == #"{"sub":"inner"}"#)
    }
}
