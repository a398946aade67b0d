/// A package URL (github.com/package-url/purl-spec): `pkg:type/namespace/name@version?qualifiers#subpath`.
public struct PURL: Sendable, Hashable, Codable, CustomStringConvertible {
    public var type: String
    public var namespace: String?
    public var name: String
    public var version: String?
    public var qualifiers: [String: String]
    public var subpath: String?

    public init(
        type: String, namespace: String? = nil, name: String, version: String? = nil,
        qualifiers: [String: String] = [:], subpath: String? = nil
    ) {
        self.type = type.lowercased()
        self.namespace = namespace
        self.name = name
        self.version = version
        self.qualifiers = qualifiers
        self.subpath = subpath
    }

    /// The canonical string: namespace segments and name percent-encoded, qualifiers sorted by key,
    /// empty qualifier values dropped.
    public var description: String {
        var out = "pkg:\(type)/"
        if let namespace, !namespace.isEmpty {
            let segments = namespace.split(separator: "/").map { PURL.encode(String($0)) }
            out += segments.joined(separator: "/") + "/"
        }
        out += PURL.encode(name)
        if let version, !version.isEmpty { out += "@" + PURL.encode(version) }
        let pairs = qualifiers.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        if !pairs.isEmpty {
            out += "?" + pairs.map { "\($0.key.lowercased())=\(PURL.encode($0.value, keep: "/"))" }.joined(separator: "&")
        }
        if let subpath, !subpath.isEmpty {
            out += "#" + subpath.split(separator: "/").map { PURL.encode(String($0)) }.joined(separator: "/")
        }
        return out
    }

    /// Percent-encodes everything except the unreserved set `A-Z a-z 0-9 - . _ ~`, `:` (which the
    /// spec allows unencoded, so Debian epochs read `1:2.3-4`) and `keep`.
    static func encode(_ s: String, keep: String = "") -> String {
        let keepBytes = Set((keep + ":").utf8)
        var out = ""
        for byte in s.utf8 {
            if isUnreserved(byte) || keepBytes.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte)
            }
        }
        return out
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}
