import BigInt
import Crypto
import _CryptoExtras
import Foundation

/// RSA signature checks. PKCS #1 v1.5 and PSS with a hash-length salt go through swift-crypto; PSS
/// signatures with another salt length (Go's signers default to the longest) are checked here with
/// EMSA-PSS-VERIFY and the salt length recovered from the encoding, as Go's `rsa.VerifyPSS` does.
enum RSAVerifier {
    static func verify<H: HashFunction>(_ key: _RSA.Signing.PublicKey, _: H.Type, input: [UInt8], signature: [UInt8], pss: Bool) -> Bool {
        let digest = H.hash(data: input)
        let sig = _RSA.Signing.RSASignature(rawRepresentation: signature)
        if key.isValidSignature(sig, for: digest, padding: pss ? .PSS : .insecurePKCS1v1_5) { return true }
        guard pss, let primitives = try? key.getKeyPrimitives() else { return false }
        return pssAnySalt(H.self, modulus: primitives.modulus, exponent: primitives.publicExponent, digest: Array(digest), signature: signature)
    }

    static func pssAnySalt<H: HashFunction>(_: H.Type, modulus: Data, exponent: Data, digest: [UInt8], signature: [UInt8]) -> Bool {
        let n = BigUInt(modulus), e = BigUInt(exponent)
        let k = (n.bitWidth + 7) / 8
        guard n > 0, signature.count == k else { return false }
        let s = BigUInt(Data(signature))
        guard s < n else { return false }
        let emBits = n.bitWidth - 1
        let emLen = (emBits + 7) / 8
        let hLen = H.Digest.byteCount
        var m = Array(s.power(e, modulus: n).serialize())
        guard m.count <= emLen else { return false }
        m = Array(repeating: 0, count: emLen - m.count) + m
        guard emLen >= hLen + 2, m.last == 0xBC else { return false }
        let maskedDB = Array(m[0..<(emLen - hLen - 1)])
        let h = Array(m[(emLen - hLen - 1)..<(emLen - 1)])
        let topBits = 8 * emLen - emBits
        let topMask: UInt8 = topBits == 0 ? 0xFF : UInt8(0xFF >> topBits)
        guard maskedDB[0] & ~topMask == 0 else { return false }
        var db = zip(maskedDB, mgf1(H.self, seed: h, length: maskedDB.count)).map { $0 ^ $1 }
        db[0] &= topMask
        guard let one = db.firstIndex(where: { $0 != 0 }), db[one] == 0x01 else { return false }
        let salt = db[(one + 1)...]
        let mPrime = Array(repeating: UInt8(0), count: 8) + digest + salt
        return Array(H.hash(data: mPrime)) == h
    }

    static func mgf1<H: HashFunction>(_: H.Type, seed: [UInt8], length: Int) -> [UInt8] {
        var out: [UInt8] = []
        var counter: UInt32 = 0
        while out.count < length {
            let c = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
            out += Array(H.hash(data: seed + c))
            counter += 1
        }
        return Array(out.prefix(length))
    }
}
