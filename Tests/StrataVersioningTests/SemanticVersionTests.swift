import StrataVersioning
import Testing

/// semver.org 2.0.0, §2 (format), §9–10 (pre-release, build) and §11 (precedence).
@Suite("SemVer 2.0.0 versions")
struct SemanticVersionTests {
    static let order: [OrderCase] = [
        // §11.2 and §11.4's example chain.
        OrderCase("1.0.0", "<", "2.0.0"),
        OrderCase("2.0.0", "<", "2.1.0"),
        OrderCase("2.1.0", "<", "2.1.1"),
        OrderCase("1.0.0-alpha", "<", "1.0.0-alpha.1"),
        OrderCase("1.0.0-alpha.1", "<", "1.0.0-alpha.beta"),
        OrderCase("1.0.0-alpha.beta", "<", "1.0.0-beta"),
        OrderCase("1.0.0-beta", "<", "1.0.0-beta.2"),
        OrderCase("1.0.0-beta.2", "<", "1.0.0-beta.11"),
        OrderCase("1.0.0-beta.11", "<", "1.0.0-rc.1"),
        OrderCase("1.0.0-rc.1", "<", "1.0.0"),
        // Build metadata is ignored (§10).
        OrderCase("1.0.0+20130313144700", "=", "1.0.0"),
        OrderCase("1.0.0-beta+exp.sha.5114f85", "=", "1.0.0-beta"),
        OrderCase("1.0.0+a", "=", "1.0.0+b"),
        // Identifiers: ASCII order, numeric below alphanumeric, hyphens allowed.
        OrderCase("1.0.0-A", "<", "1.0.0-a"),
        OrderCase("1.0.0-1", "<", "1.0.0-a"),
        OrderCase("1.0.0-999", "<", "1.0.0--"),
        OrderCase("1.0.0-x-y-z.--", ">", "1.0.0-x-y-z.-"),
        OrderCase("1.0.0-1a", ">", "1.0.0-1"),
        OrderCase("1.0.0-0", "<", "1.0.0-0.0"),
        OrderCase("10.0.0", ">", "9.99.99"),
        OrderCase("1.0.0-rc.10", ">", "1.0.0-rc.9"),
        OrderCase("123456789012345678901234567890.0.0", ">", "123456789012345678901234567889.0.0"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("1", .invalidFormat),
        RejectCase("1.2", .invalidFormat),
        RejectCase("1.2.3.4", .invalidFormat),
        RejectCase("v1.2.3", .invalidFormat),
        RejectCase("01.2.3", .leadingZero),
        RejectCase("1.02.3", .leadingZero),
        RejectCase("1.2.3-01", .leadingZero),
        RejectCase("1.2.3-", .missingComponent),
        RejectCase("1.2.3-a..b", .missingComponent),
        RejectCase("1.2.3+", .missingComponent),
        RejectCase("1.2.3-a_b", .invalidCharacter),
        RejectCase("1.2.3+a b", .invalidCharacter),
        RejectCase("a.b.c", .invalidFormat),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "semver") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "semver") }

    @Test func keepsBuildMetadataButIgnoresIt() throws {
        let version = try SemanticVersion(parsing: "1.0.0-rc.1+build.5")
        #expect(version.prerelease == ["rc", "1"])
        #expect(version.build == ["build", "5"])
        #expect(version.description == "1.0.0-rc.1+build.5")
        #expect(version == (try SemanticVersion(parsing: "1.0.0-rc.1")))
        #expect(Set([version, try SemanticVersion(parsing: "1.0.0-rc.1+other")]).count == 1)
    }

    /// Cargo is strict SemVer under its own scheme id (the Cargo book, "SemVer compatibility").
    static let cargoOrder: [OrderCase] = [
        OrderCase("0.1.0", "<", "0.1.1"), OrderCase("0.9.0", "<", "0.10.0"), OrderCase("1.0.0-alpha.1", "<", "1.0.0"),
        OrderCase("0.4.17+deprecated", "=", "0.4.17"), OrderCase("1.0.0-beta.2", "<", "1.0.0-beta.11"),
        OrderCase("0.3.0-pre", "<", "0.3.0"), OrderCase("1.2.3", ">", "1.2.3-rc.1+build"),
        OrderCase("0.0.1", "<", "0.0.2"), OrderCase("2.0.0", ">", "1.999.999"), OrderCase("1.0.0-0", "<", "1.0.0-a"),
    ]

    static let cargoRejected: [RejectCase] = [
        RejectCase("1.0", .invalidFormat), RejectCase("^1.0.0", .invalidFormat), RejectCase("1.0.0-", .missingComponent),
        RejectCase("v1.0.0", .invalidFormat), RejectCase("1.0.00", .leadingZero),
    ]

    @Test(arguments: cargoOrder) func cargoOrders(_ testCase: OrderCase) throws { try testCase.check(scheme: "cargo") }
    @Test(arguments: cargoRejected) func cargoRejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "cargo") }
}
