import Crypto
import Foundation
import StrataRegoAST

/// `crypto.md5/sha1/sha256`, `crypto.hmac.*` (hex digests, as OPA returns them).
enum CryptoBuiltins {
    static let builtins: [Builtin] = [
        .unary("crypto.md5") { (s) throws(BuiltinError) in .string(hex(Insecure.MD5.hash(data: Data(try s.string(1).utf8)))) },
        .unary("crypto.sha1") { (s) throws(BuiltinError) in .string(hex(Insecure.SHA1.hash(data: Data(try s.string(1).utf8)))) },
        .unary("crypto.sha256") { (s) throws(BuiltinError) in .string(hex(SHA256.hash(data: Data(try s.string(1).utf8)))) },
        .binary("crypto.hmac.md5") { (m, k) throws(BuiltinError) in .string(hex(HMAC<Insecure.MD5>.authenticationCode(for: try bytes(m, 1), using: try key(k)))) },
        .binary("crypto.hmac.sha1") { (m, k) throws(BuiltinError) in .string(hex(HMAC<Insecure.SHA1>.authenticationCode(for: try bytes(m, 1), using: try key(k)))) },
        .binary("crypto.hmac.sha256") { (m, k) throws(BuiltinError) in .string(hex(HMAC<SHA256>.authenticationCode(for: try bytes(m, 1), using: try key(k)))) },
        .binary("crypto.hmac.sha512") { (m, k) throws(BuiltinError) in .string(hex(HMAC<SHA512>.authenticationCode(for: try bytes(m, 1), using: try key(k)))) },
        .binary("crypto.hmac.equal") { (a, b) throws(BuiltinError) in .bool(try a.string(1) == b.string(2)) },
    ]

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(_ v: Value, _ index: Int) throws(BuiltinError) -> Data { Data(try v.string(index).utf8) }

    static func key(_ v: Value) throws(BuiltinError) -> SymmetricKey { SymmetricKey(data: try bytes(v, 2)) }
}
