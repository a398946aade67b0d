import Foundation
import StrataRegoAST
import SwiftASN1
import X509

/// The chain check of `crypto.x509.parse_and_verify_certificates*`: the first certificate is the root,
/// the last the leaf, the rest intermediates (OPA's `verifyX509CertificateChain` over Go's `Verify`).
/// Checks signatures, validity periods, CA flags, the leaf's DNS name and extended key usages.
enum ChainVerifier {
    struct Failure: Error {}

    struct Options {
        var dnsName = ""
        var currentTime: Date?
        /// Go ExtKeyUsage codes; empty means server authentication, as Go defaults.
        var keyUsages: [Int] = []

        init() {}

        init(_ o: [Value: Value]) throws(BuiltinError) {
            for (k, v) in o.sorted(by: { $0.key < $1.key }) {
                guard let key = k.stringValue else { continue }
                switch key {
                case "DNSName":
                    guard let s = v.stringValue else { throw BuiltinError("'DNSName' should be a string") }
                    dnsName = s.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                case "CurrentTime":
                    guard case .number(let n) = v else { throw BuiltinError("'CurrentTime' should be a number") }
                    guard let ns = n.bigInt.flatMap({ Int64(exactly: $0) }) else { throw BuiltinError("'CurrentTime' should be a valid int64 number") }
                    currentTime = Date(timeIntervalSince1970: Double(ns) / 1e9)
                case "MaxConstraintComparisons":
                    guard case .number(let n) = v else { throw BuiltinError("'MaxConstraintComparisons' should be a number") }
                    guard n.intValue != nil else { throw BuiltinError("'MaxConstraintComparisons' should be a valid number") }
                case "KeyUsages":
                    let names: [Value]
                    switch v {
                    case .array(let a): names = a
                    case .set(let s): names = s.sorted()
                    default: throw BuiltinError("'KeyUsages' should be an Array or Set")
                    }
                    var invalid: [String] = []
                    for n in names {
                        guard let s = n.stringValue?.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) else { continue }
                        if let code = GoX509Codes.keyUsageOptions[s] { keyUsages.append(code) } else { invalid.append(s) }
                    }
                    if !invalid.isEmpty { throw BuiltinError("invalid entries for 'KeyUsages' found: [\(invalid.joined(separator: " "))]") }
                default:
                    throw BuiltinError("invalid key option")
                }
            }
        }
    }

    static func verify(_ certs: [X509Builtins.Parsed], _ options: Options) throws(Failure) -> [X509Builtins.Parsed] {
        guard certs.count >= 2 else { throw Failure() }
        let root = certs[0], leaf = certs[certs.count - 1]
        let intermediates = Array(certs.dropFirst().dropLast())
        let now = options.currentTime ?? Date()
        if !options.dnsName.isEmpty, !nameMatches(leaf.cert, options.dnsName) { throw Failure() }
        var chain = [leaf]
        var current = leaf
        // Walk up by issuer name and signature; the root must be reached within the given certificates.
        for _ in 0...(intermediates.count + 1) {
            guard now >= current.cert.notValidBefore, now <= current.cert.notValidAfter else { throw Failure() }
            if current.der == root.der || (current.cert.subject == root.cert.subject && current.cert.publicKey == root.cert.publicKey) {
                if current.der != root.der { chain[chain.count - 1] = root }
                try checkUsages(chain, options)
                return chain
            }
            let candidates = intermediates + [root]
            guard let issuer = candidates.first(where: { c in
                c.cert.subject == current.cert.issuer && isCA(c.cert) && c.cert.publicKey.isValidSignature(current.cert.signature, for: current.cert)
            }) else { throw Failure() }
            if chain.contains(where: { $0.der == issuer.der }) { throw Failure() }
            chain.append(issuer)
            current = issuer
        }
        throw Failure()
    }

    static func isCA(_ cert: Certificate) -> Bool {
        // Version 1 certificates have no extensions; Go accepts them as roots and intermediates.
        guard cert.version == .v3 else { return true }
        if case .isCertificateAuthority? = try? cert.extensions.basicConstraints { return true }
        return false
    }

    /// Every certificate's extended key usages must allow one requested usage (Go's chain-wide check).
    static func checkUsages(_ chain: [X509Builtins.Parsed], _ options: Options) throws(Failure) {
        let wanted = options.keyUsages.isEmpty ? [1] : options.keyUsages
        if wanted.contains(0) { return }
        for c in chain {
            guard let eku = try? c.cert.extensions.extendedKeyUsage else { continue }
            let codes = eku.compactMap { GoX509Codes.extKeyUsages[ASN1ObjectIdentifier($0).oidComponents] }
            if codes.contains(0) { continue }
            if !wanted.contains(where: codes.contains) { throw Failure() }
        }
    }

    static func nameMatches(_ cert: Certificate, _ host: String) -> Bool {
        let names = GoCertificateJSON.alternativeNames(cert.extensions)
        let h = host.lowercased()
        if names.ip.contains(h) { return true }
        for n in names.dns.map({ $0.lowercased() }) {
            if n == h { return true }
            if n.hasPrefix("*."), let dot = h.firstIndex(of: "."), h[dot...] == n.dropFirst() { return true }
        }
        return false
    }
}
