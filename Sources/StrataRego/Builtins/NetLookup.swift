#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataRegoAST

/// `net.lookup_ip_addr`: the host's IPv4 and IPv6 addresses via getaddrinfo, only with `EvalOptions.allowNet`.
enum NetLookup {
    static let builtins: [Builtin] = [Builtin("net.lookup_ip_addr", arity: 1, lookup)]

    static func lookup(_ args: [Value], _ ctx: BuiltinContext) throws(BuiltinError) -> Value? {
        guard ctx.allowNet else { throw .halting(HTTPSend.disabled) }
        let name = try args[0].string(1)
        let memoKey = "net.lookup_ip_addr\u{0}" + name  // one answer per name and query, as OPA caches it
        if let v = ctx.memo[memoKey] { return v }
        let v = Value.set(Set(try addresses(name).map { Value.string($0) }))
        ctx.memo[memoKey] = v
        return v
    }

    static func addresses(_ name: String) throws(BuiltinError) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)  // one entry per address, not per socket type
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        guard status == 0 else {
            if status == EAI_NONAME { throw BuiltinError("lookup \(name): no such host") }
            throw BuiltinError("lookup \(name): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var out: [String] = []
        var node = list
        while let info = node?.pointee {
            if let text = numeric(info) { out.append(text) }
            node = info.ai_next
        }
        return out
    }

    private static func numeric(_ info: addrinfo) -> String? {
        guard let sa = info.ai_addr else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let ok: Bool
        switch info.ai_family {
        case AF_INET:
            ok = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
                var addr = p.pointee.sin_addr
                return inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count)) != nil
            }
        case AF_INET6:
            ok = sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                var addr = p.pointee.sin6_addr
                return inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count)) != nil
            }
        default: ok = false
        }
        guard ok else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
