import StrataRegoAST

/// `net.cidr_*` for IPv4 and IPv6.
enum Net {
    static let builtins: [Builtin] = [
        .binary("net.cidr_contains") { (a, b) throws(BuiltinError) in
            let outer = try CIDR.parse(try a.string(1))
            let inner = try CIDR.parse(try b.string(2), allowAddress: true)
            return .bool(outer.contains(inner))
        },
        .binary("net.cidr_intersects") { (a, b) throws(BuiltinError) in
            let x = try CIDR.parse(try a.string(1)), y = try CIDR.parse(try b.string(2))
            return .bool(x.contains(y) || y.contains(x))
        },
        .unary("net.cidr_is_valid") { (a) throws(BuiltinError) in
            guard case .string(let s) = a, s.contains("/") else { return .false }
            return .bool((try? CIDR.parse(s)) != nil)
        },
        .unary("net.cidr_expand") { (a) throws(BuiltinError) in
            let c = try CIDR.parse(try a.string(1))
            let hostBits = c.bits - c.prefix
            guard hostBits <= 16 else { throw BuiltinError("net.cidr_expand: CIDR too large to expand") }
            let base = c.network
            return .set(Set((0..<(1 << hostBits)).map { .string(CIDR.format(base.adding(UInt64($0)), v4: c.isV4)) }))
        },
        .binary("net.cidr_contains_matches") { (a, b) throws(BuiltinError) in
            let outers = try keyed(a, 1), inners = try keyed(b, 2)
            var out = Set<Value>()
            for (ok, o) in outers {
                let oc = try CIDR.parse(o)
                for (ik, i) in inners where oc.contains(try CIDR.parse(i, allowAddress: true)) { out.insert(.array([ok, ik])) }
            }
            return .set(out)
        },
        .unary("net.cidr_merge") { (a) throws(BuiltinError) in
            let nets = try a.elements(1).map { (v) throws(BuiltinError) in
                let text = try v.string(1)
                if text.contains(":"), !text.contains("/") { throw BuiltinError("IPv6 invalid: needs prefix length") }
                return try CIDR.parse(text, allowAddress: true)
            }
            return .set(Set(CIDR.merge(nets).map { .string($0.description) }))
        },
    ]

    /// A CIDR argument as (key, cidr) pairs: a string, or an array/set/object of strings (or [cidr, …] arrays).
    static func keyed(_ v: Value, _ index: Int) throws(BuiltinError) -> [(Value, String)] {
        switch v {
        case .string(let s): return [(v, s)]
        case .array(let items): return try items.enumerated().map { (i, e) throws(BuiltinError) in (.int(i), try first(e, index)) }
        case .set(let items): return try items.sorted().map { (e) throws(BuiltinError) in (e, try first(e, index)) }
        case .object(let d): return try d.sortedPairs.map { (p) throws(BuiltinError) in (p.key, try first(p.value, index)) }
        default: throw v.operandError(index, "one of {string, array, set, object}")
        }
    }

    private static func first(_ v: Value, _ index: Int) throws(BuiltinError) -> String {
        if case .array(let a) = v, case .string(let s)? = a.first { return s }
        guard case .string(let s) = v else { throw BuiltinError("operand \(index) must be string or array with a CIDR first") }
        return s
    }
}

/// An IPv4 or IPv6 network as a 128-bit value (two UInt64 halves).
struct CIDR: Hashable, CustomStringConvertible {
    var address: UInt128Pair
    var prefix: Int
    var isV4: Bool

    var bits: Int { isV4 ? 32 : 128 }
    var network: UInt128Pair { address.masked(prefix: prefix, bits: bits) }

    func contains(_ other: CIDR) -> Bool {
        isV4 == other.isV4 && other.prefix >= prefix && other.address.masked(prefix: prefix, bits: bits) == network
    }

    var description: String { CIDR.format(network, v4: isV4) + "/\(prefix)" }

    static func parse(_ s: String, allowAddress: Bool = false) throws(BuiltinError) -> CIDR {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.count == 2 || allowAddress else { throw BuiltinError("invalid CIDR address: \(s)") }
        let v4 = !parts[0].contains(":")
        guard let addr = v4 ? parseV4(String(parts[0])) : parseV6(String(parts[0])) else { throw BuiltinError("invalid CIDR address: \(s)") }
        let maxBits = v4 ? 32 : 128
        let prefix = parts.count == 2 ? Int(parts[1]) : maxBits
        guard let prefix, (0...maxBits).contains(prefix) else { throw BuiltinError("invalid CIDR address: \(s)") }
        return CIDR(address: addr, prefix: prefix, isV4: v4)
    }

    static func parseV4(_ s: String) -> UInt128Pair? {
        let octets = s.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var v: UInt64 = 0
        for o in octets {
            guard let n = UInt64(o), n < 256, !(o.count > 1 && o.hasPrefix("0")) else { return nil }
            v = v << 8 | n
        }
        return UInt128Pair(high: 0, low: v)
    }

    static func parseV6(_ s: String) -> UInt128Pair? {
        let halves = s.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ t: String) -> [UInt16]? {
            if t.isEmpty { return [] }
            var out: [UInt16] = []
            for g in t.split(separator: ":", omittingEmptySubsequences: false) {
                guard g.count <= 4, let n = UInt16(g, radix: 16) else { return nil }
                out.append(n)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for g in all[0..<4] { high = high << 16 | UInt64(g) }
        for g in all[4..<8] { low = low << 16 | UInt64(g) }
        return UInt128Pair(high: high, low: low)
    }

    static func format(_ a: UInt128Pair, v4: Bool) -> String {
        if v4 { return (0..<4).map { String((a.low >> UInt64(24 - 8 * $0)) & 0xff) }.joined(separator: ".") }
        var words: [UInt64] = []
        for i in 0..<8 {
            let word: UInt64 = i < 4 ? a.high : a.low
            words.append((word >> UInt64(48 - 16 * (i % 4))) & 0xffff)
        }
        // Go style: the longest run (≥ 2) of zero groups becomes "::".
        var best = (start: -1, length: 1), i = 0
        while i < 8 {
            var j = i
            while j < 8, words[j] == 0 { j += 1 }
            if j - i > best.length { best = (i, j - i) }
            i = j == i ? i + 1 : j
        }
        let hex = words.map { String($0, radix: 16) }
        guard best.start >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":"), tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }

    /// Merges adjacent and contained networks (as `net.cidr_merge`).
    static func merge(_ nets: [CIDR]) -> [CIDR] {
        var list = nets.map { CIDR(address: $0.network, prefix: $0.prefix, isV4: $0.isV4) }
        var changed = true
        while changed {
            changed = false
            list = Array(Set(list)).sorted { ($0.isV4 ? 0 : 1, $0.network, $0.prefix) < ($1.isV4 ? 0 : 1, $1.network, $1.prefix) }
            var out: [CIDR] = []
            for n in list {
                if let last = out.last, last.contains(n) { changed = changed || false; continue }
                if let last = out.last, last.prefix == n.prefix, last.prefix > 0, last.isV4 == n.isV4 {
                    let parent = CIDR(address: last.network, prefix: last.prefix - 1, isV4: last.isV4)
                    if parent.network == last.network, parent.contains(n) {
                        out[out.count - 1] = parent
                        changed = true
                        continue
                    }
                }
                out.append(n)
            }
            list = out
        }
        return list
    }
}

struct UInt128Pair: Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    static func < (a: UInt128Pair, b: UInt128Pair) -> Bool { (a.high, a.low) < (b.high, b.low) }

    func masked(prefix: Int, bits: Int) -> UInt128Pair {
        let hostBits = bits - prefix
        if bits == 32 { return UInt128Pair(high: 0, low: hostBits >= 32 ? 0 : (low >> UInt64(hostBits)) << UInt64(hostBits)) }
        if hostBits >= 128 { return UInt128Pair(high: 0, low: 0) }
        if hostBits >= 64 { return UInt128Pair(high: hostBits == 64 ? high : (high >> UInt64(hostBits - 64)) << UInt64(hostBits - 64), low: 0) }
        return UInt128Pair(high: high, low: hostBits == 0 ? low : (low >> UInt64(hostBits)) << UInt64(hostBits))
    }

    func adding(_ n: UInt64) -> UInt128Pair {
        let (sum, overflow) = low.addingReportingOverflow(n)
        return UInt128Pair(high: high &+ (overflow ? 1 : 0), low: sum)
    }
}
