import Foundation
import Testing
@testable import StrataRego
import StrataRegoAST

@Suite("net.lookup_ip_addr")
struct NetLookupTests {
    @Test("localhost resolves to loopback addresses only")
    func localhost() throws {
        let v = try #require(try HTTPSendTests.eval(#"net.lookup_ip_addr("localhost")"#))
        guard case .set(let members) = v else { Issue.record("not a set: \(v)"); return }
        let addresses = Set(members.compactMap(\.stringValue))
        #expect(addresses.count == members.count && !addresses.isEmpty)
        #expect(!addresses.isDisjoint(with: ["127.0.0.1", "::1"]))
        #expect(addresses.allSatisfy { $0.hasPrefix("127.") || $0 == "::1" }, "\(addresses)")
    }

    @Test("address literals come back as themselves", arguments: ["127.0.0.1", "::1", "10.1.2.3"])
    func literal(address: String) throws {
        #expect(try HTTPSendTests.eval("net.lookup_ip_addr(\(Value.quoted(address)))") == .set([.string(address)]))
    }

    @Test("an unknown name is a builtin error naming it")
    func unknown() throws {
        let e = try #require(HTTPSendTests.error(#"net.lookup_ip_addr("no-such-host.invalid")"#))
        #expect(e.code == .evalBuiltin)
        #expect(e.message.hasPrefix("net.lookup_ip_addr: lookup no-such-host.invalid"), "\(e.message)")
    }
}
