import StrataVersioning
import Testing

/// NuGet's "Package versioning" docs: normalisation, pre-release labels, SemVer 2.0.0 metadata.
@Suite("NuGet versions")
struct NuGetVersionTests {
    static let order: [OrderCase] = [
        OrderCase("1.0", "=", "1.0.0"),
        OrderCase("1", "=", "1.0.0.0"),
        OrderCase("1.0.01", "=", "1.0.1"),
        OrderCase("1.0.0.1", ">", "1.0.0"),
        OrderCase("1.0.0.10", ">", "1.0.0.9"),
        OrderCase("1.0.0-beta", "<", "1.0.0"),
        OrderCase("1.0.0-BETA", "=", "1.0.0-beta"),
        OrderCase("1.0.0-Alpha", "<", "1.0.0-beta"),
        OrderCase("1.0.0-alpha.2", "<", "1.0.0-alpha.10"),
        OrderCase("1.0.0-alpha", "<", "1.0.0-alpha.1"),
        OrderCase("1.0.0-1", "<", "1.0.0-a"),
        OrderCase("1.0.0-rc.1", ">", "1.0.0-RC"),
        OrderCase("1.0.0+meta", "=", "1.0.0"),
        OrderCase("1.0.0-beta+meta", "=", "1.0.0-beta"),
        OrderCase("1.0.0.0-beta", "=", "1.0-beta"),
        OrderCase("4.7.2", "<", "4.7.10"),
        OrderCase("13.0.1", ">", "12.0.3"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("1.0.0.0.0", .invalidFormat),
        RejectCase("a", .invalidFormat),
        RejectCase("1.0.0-", .missingComponent),
        RejectCase("1.0.0-01", .leadingZero),
        RejectCase("1.0.0-a_b", .invalidCharacter),
        RejectCase("1.0.0+", .invalidCharacter),
        RejectCase("v1.0.0", .invalidFormat),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "nuget") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "nuget") }
}
