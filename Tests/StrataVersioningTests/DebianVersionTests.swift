import StrataVersioning
import Testing

/// deb-version(7) and the Debian Policy Manual §5.6.12.
@Suite("Debian (dpkg) versions")
struct DebianVersionTests {
    static let order: [OrderCase] = [
        OrderCase("1.0", "<", "1.1"),
        OrderCase("1.0", "=", "1.00"),
        OrderCase("1.0", "=", "0:1.0"),
        OrderCase("1.0", "=", "1.0-0"),
        OrderCase("1:0.1", ">", "9.9"),
        OrderCase("2:1.0", ">", "1:9.0"),
        OrderCase("1.0~rc1", "<", "1.0"),
        OrderCase("1.0~~", "<", "1.0~"),
        OrderCase("1.0~~a", "<", "1.0~"),
        OrderCase("1.0~", "<", "1.0"),
        OrderCase("1.0", "<", "1.0a"),
        OrderCase("1.0a", "<", "1.0+"),
        OrderCase("1.0+", "<", "1.0.1"),
        OrderCase("1.0a", "<", "1.0b"),
        OrderCase("1.0Z", "<", "1.0a"),
        OrderCase("1.0z", "<", "1.0."),
        OrderCase("1.0-1", "<", "1.0-2"),
        OrderCase("1.0-9", "<", "1.0-10"),
        OrderCase("1.0-1ubuntu1", ">", "1.0-1"),
        OrderCase("1.0-1~bpo11+1", "<", "1.0-1"),
        OrderCase("2.36-9+deb12u4", "<", "2.36-9+deb12u10"),
        OrderCase("1.2.3-1+b1", ">", "1.2.3-1"),
        OrderCase("7.88.1-10+deb12u5", ">", "7.88.1-10"),
        OrderCase("1:2.3-4", "=", "01:2.3-4"),
        OrderCase("1.0-a-b", "=", "1.0-a-b"),
        OrderCase("1.0-a-b", ">", "1.0-a"),
        OrderCase("1:2:3", ">", "1:2.9"),
        OrderCase("0.0009", "=", "0.9"),
        OrderCase("1.18.4+dfsg-1", "<", "1.18.4+dfsg1-1"),
        OrderCase("3.0.11-1~deb12u2", "<", "3.0.11-1"),
        OrderCase("10.0", ">", "9.99999999999999999999999"),
        OrderCase("99999999999999999999999999", "<", "100000000000000000000000000"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("   ", .empty),
        RejectCase("a1.0", .invalidFormat),
        RejectCase("x:1.0", .invalidEpoch),
        RejectCase(":1.0", .invalidEpoch),
        RejectCase("-1:1.0", .invalidEpoch),
        RejectCase("1.0-", .missingComponent),
        RejectCase("1:", .missingComponent),
        RejectCase("1.0 2", .invalidCharacter),
        RejectCase("1.0_2", .invalidCharacter),
        RejectCase("1.0-a:b", .invalidEpoch),
        RejectCase("1:1.0-a:b", .invalidCharacter),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "debian") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "debian") }

    @Test func parsesParts() throws {
        let version = try DebianVersion(parsing: "2:1.2-3-4ubuntu1")
        #expect(version.epoch == "2")
        #expect(version.upstream == "1.2-3")
        #expect(version.revision == "4ubuntu1")
        #expect(version.description == "2:1.2-3-4ubuntu1")
    }
}
