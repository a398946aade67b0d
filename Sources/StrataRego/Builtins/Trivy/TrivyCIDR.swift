import BigInt
import StrataRegoAST

/// `cidr.is_public(s)` and `cidr.count_addresses(s)` as trivy-checks' `internal/cidr` has them.
enum TrivyCIDR {
    static let builtins: [Builtin] = [
        .unary("cidr.is_public") { (a) throws(BuiltinError) in .bool(isPublic(try a.string(1))) },
        .unary("cidr.count_addresses") { (a) throws(BuiltinError) in
            .number(.int(BigInt(countAddresses(try a.string(1)))))
        },
    ]

    static func isWildcard(_ s: String) -> Bool { s == "*" || ["internet", "any"].contains(s.lowercased()) }

    static func countAddresses(_ s: String) -> UInt64 {
        if isWildcard(s) { return .max }
        guard s.contains("/") else { return IPAddress.parse(s) == nil ? 0 : 1 }
        guard let net = IPNetwork.parse(s) else { return 0 }
        let power = net.address.bits - net.prefix
        return power >= 63 ? .max : 1 << UInt64(power)
    }

    static func isPublic(_ s: String) -> Bool {
        if isWildcard(s) { return true }
        if s.contains("-") { return rangeIsPublic(s) }
        guard s.contains("/") else { return IPAddress.parse(s).map { !$0.isPrivate } ?? false }
        guard let net = IPNetwork.parse(s) else { return false }
        return !net.address.isPrivate || !net.last.isPrivate
    }

    /// Trivy takes each end's text bytes as a raw address (`net.IP([]byte(text))`): meaningful
    /// only at 4 or 16 bytes; any other length is not private.
    static func rangeIsPublic(_ s: String) -> Bool {
        let ends = s.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2 else { return false }
        let raw = ends.map { IPAddress(rawBytes: Array($0.trimmingWhitespace().utf8)) }
        return !(raw[0]?.isPrivate ?? false) || !(raw[1]?.isPrivate ?? false)
    }
}

/// An IPv4 or IPv6 address.
struct IPAddress: Equatable {
    var value: UInt128Pair
    var isV4: Bool
    var bits: Int { isV4 ? 32 : 128 }

    /// Like Go's `net.ParseIP`: dotted IPv4 or IPv6 text without a zone.
    static func parse(_ s: String) -> IPAddress? {
        if s.contains(":") { return CIDR.parseV6(hexTail(s)).map { IPAddress(value: $0, isV4: false) } }
        return CIDR.parseV4(s).map { IPAddress(value: $0, isV4: true) }
    }

    /// `::ffff:1.2.3.4` → `::ffff:102:304`: an IPv6 text's dotted IPv4 tail as two hex groups.
    static func hexTail(_ s: String) -> String {
        guard let colon = s.lastIndex(of: ":"), s[colon...].contains("."),
              let v4 = CIDR.parseV4(String(s[s.index(after: colon)...])) else { return s }
        return String(s[...colon]) + String(v4.low >> 16, radix: 16) + ":" + String(v4.low & 0xffff, radix: 16)
    }

    init(value: UInt128Pair, isV4: Bool) {
        self.value = value
        self.isV4 = isV4
    }

    init?(rawBytes bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (i, b) in bytes.enumerated() {
            if bytes.count == 16, i < 8 { high = high << 8 | UInt64(b) } else { low = low << 8 | UInt64(b) }
        }
        self.init(value: UInt128Pair(high: high, low: low), isV4: bytes.count == 4)
    }

    /// IPv4-mapped IPv6 (`::ffff:a.b.c.d`) compares as IPv4, as Go's `IPNet.Contains` does.
    var normalized: IPAddress {
        if !isV4, value.high == 0, value.low >> 32 == 0xffff {
            return IPAddress(value: UInt128Pair(high: 0, low: value.low & 0xffff_ffff), isV4: true)
        }
        return self
    }

    static let privateV4 = ["127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10"]
    static let privateV6 = ["::1/128", "fe80::/10", "fc00::/7"]

    var isPrivate: Bool {
        let ip = normalized
        let blocks = ip.isV4 ? Self.privateV4 : Self.privateV6
        let me = CIDR(address: ip.value, prefix: ip.bits, isV4: ip.isV4)
        return blocks.contains { (try? CIDR.parse($0))?.contains(me) ?? false }
    }
}

/// An address with a prefix length, as Go's `net.ParseCIDR` reads it (the address is kept as written).
struct IPNetwork {
    var address: IPAddress
    var prefix: Int

    static func parse(_ s: String) -> IPNetwork? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigitChar),
              let address = IPAddress.parse(String(parts[0])), let prefix = Int(parts[1]),
              prefix <= address.bits else { return nil }
        return IPNetwork(address: address, prefix: prefix)
    }

    /// The last address of the network.
    var last: IPAddress {
        let hostBits = address.bits - prefix
        var v = address.value
        if address.isV4 {
            v.low |= hostBits >= 32 ? 0xffff_ffff : (UInt64(1) << UInt64(hostBits)) - 1
        } else {
            if hostBits >= 64 {
                v.low = .max
                v.high |= hostBits >= 128 ? .max : (hostBits == 64 ? 0 : (UInt64(1) << UInt64(hostBits - 64)) - 1)
            } else {
                v.low |= hostBits == 0 ? 0 : (UInt64(1) << UInt64(hostBits)) - 1
            }
        }
        return IPAddress(value: v, isV4: address.isV4)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
