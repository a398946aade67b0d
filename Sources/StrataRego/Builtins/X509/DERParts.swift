import SwiftASN1

/// Raw pieces of a certificate's DER that Go exposes and swift-certificates does not
/// (`Raw*` fields, algorithm OIDs). Input here has already parsed as a certificate.
struct DERParts {
    var raw: [UInt8]
    var tbs: [UInt8] = []
    var signatureAlgorithm: [UInt] = []
    var issuer: [UInt8] = []
    var subject: [UInt8] = []
    var subjectPublicKeyInfo: [UInt8] = []
    var publicKeyAlgorithm: [UInt] = []

    init(_ der: [UInt8], isRequest: Bool = false) {
        raw = der
        guard let root = try? DER.parse(der), case .constructed(let top) = root.content else { return }
        var topNodes = top.makeIterator()
        guard let tbsNode = topNodes.next() else { return }
        tbs = Array(tbsNode.encodedBytes)
        if let alg = topNodes.next() { signatureAlgorithm = Self.firstOID(alg) }
        guard case .constructed(let fields) = tbsNode.content else { return }
        var nodes = Array(fields)
        if isRequest {
            // CertificationRequestInfo: version, subject, subjectPKInfo, attributes.
            guard nodes.count >= 3 else { return }
            subject = Array(nodes[1].encodedBytes)
            setKey(nodes[2])
            return
        }
        if let first = nodes.first, first.identifier.tagClass == .contextSpecific { nodes.removeFirst() }
        // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ...
        guard nodes.count >= 6 else { return }
        issuer = Array(nodes[2].encodedBytes)
        subject = Array(nodes[4].encodedBytes)
        setKey(nodes[5])
    }

    private mutating func setKey(_ node: ASN1Node) {
        subjectPublicKeyInfo = Array(node.encodedBytes)
        if case .constructed(let spki) = node.content, let alg = Array(spki).first { publicKeyAlgorithm = Self.firstOID(alg) }
    }

    static func firstOID(_ node: ASN1Node) -> [UInt] {
        guard case .constructed(let children) = node.content, let first = Array(children).first,
              let oid = try? ASN1ObjectIdentifier(derEncoded: first) else { return [] }
        return oid.oidComponents
    }
}
