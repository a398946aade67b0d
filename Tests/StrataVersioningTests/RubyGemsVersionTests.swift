import StrataVersioning
import Testing

/// Gem::Version's documentation (RubyGems guides, "Patterns" and the class docs).
@Suite("RubyGems versions")
struct RubyGemsVersionTests {
    static let order: [OrderCase] = [
        OrderCase("1.0", "=", "1"),
        OrderCase("1.0.0", "=", "1"),
        OrderCase("1.10", ">", "1.9"),
        OrderCase("1.0.0.1", ">", "1"),
        OrderCase("1.0.a", "<", "1.0"),
        OrderCase("1.0.a", "=", "1.a"),
        OrderCase("1.0.a", "<", "1.0.b"),
        OrderCase("1.0.a10", ">", "1.0.a9"),
        OrderCase("1.0.b1", "<", "1.0"),
        OrderCase("1.0.rc1", "<", "1.0"),
        OrderCase("1.0.rc1", ">", "1.0.beta9"),
        OrderCase("2.0.0.pre", "<", "2.0.0"),
        OrderCase("2.0.0.pre", ">", "1.9.9"),
        OrderCase("1.0-1", "<", "1.0"),
        OrderCase("1.0-1", "=", "1.0.pre.1"),
        OrderCase("1.8.2.a", "<", "1.8.2"),
        OrderCase("1.8.2.a", ">", "1.8.1"),
        OrderCase("3.0.0.beta1", "<", "3.0.0.rc1"),
        OrderCase("1.0.A", "<", "1.0.a"),
        OrderCase("1.2a", "=", "1.2.a"),
        OrderCase("1.0.a.0", "=", "1.0.a"),
        OrderCase("1.0.0.a", "=", "1.a"),
        OrderCase("5.2.4.3", ">", "5.2.4.rc1"),
        OrderCase(" 1.0 ", "=", "1.0"),
        OrderCase("12345678901234567890", "<", "12345678901234567891"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("junk", .invalidFormat),
        RejectCase("1.0.", .invalidFormat),
        RejectCase("1..0", .invalidFormat),
        RejectCase("-1", .invalidFormat),
        RejectCase("1.0 2", .invalidFormat),
        RejectCase("1a", .invalidFormat),
        RejectCase("1.0-", .invalidFormat),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "rubygems") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "rubygems") }

    @Test func knowsPrereleases() throws {
        #expect(try RubyGemsVersion(parsing: "1.0.a").isPrerelease)
        #expect(try RubyGemsVersion(parsing: "1.0-1").isPrerelease)
        #expect(try !RubyGemsVersion(parsing: "1.0.1").isPrerelease)
    }
}
