import StrataVersioning
import Testing

/// Composer's documentation ("Versions and constraints", stability) and composer/semver's
/// `VersionParser::normalize`, ordered with PHP's `version_compare`.
@Suite("Composer versions")
struct ComposerVersionTests {
    static let order: [OrderCase] = [
        OrderCase("1.0", "=", "1.0.0"),
        OrderCase("v1.0.0", "=", "1.0.0.0"),
        OrderCase("1.0.0-dev", "<", "1.0.0-alpha"),
        OrderCase("1.0.0-alpha", "<", "1.0.0-beta"),
        OrderCase("1.0.0-beta", "<", "1.0.0-RC1"),
        OrderCase("1.0.0-RC1", "<", "1.0.0"),
        OrderCase("1.0.0", "<", "1.0.0-patch1"),
        OrderCase("1.0.0a1", "=", "1.0.0-alpha1"),
        OrderCase("1.0.0b2", "=", "1.0.0-beta2"),
        OrderCase("1.0.0-rc", "=", "1.0.0-RC"),
        OrderCase("1.0.0-pl1", "=", "1.0.0-patch1"),
        OrderCase("1.0.0-p1", "=", "1.0.0-patch1"),
        OrderCase("1.0.0-stable", "=", "1.0.0"),
        OrderCase("1.0.0+build", "=", "1.0.0"),
        OrderCase("2.0.0 as 1.0.0", "=", "2.0.0"),
        OrderCase("1.0@beta", "=", "1.0"),
        OrderCase("1.0.0-beta.2", "<", "1.0.0-beta.10"),
        OrderCase("1.0.0-beta2-dev", "<", "1.0.0-beta2"),
        OrderCase("1.x-dev", ">", "1.99.0"),
        OrderCase("1.x-dev", "<", "2.0.0"),
        OrderCase("2024.01.01", "<", "2024.01.02"),
        OrderCase("2010-01-02", "<", "2010.01.02"),  // 2010.01.02 vs 2010.01.02.0 (classical, padded)
        OrderCase("5.4.10", ">", "5.4.9"),
        OrderCase("1.0.0.1", ">", "1.0.0"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("dev-main", .notOrderable),
        RejectCase("dev-feature/foo", .notOrderable),
        RejectCase("master", .notOrderable),
        RejectCase("foo", .invalidFormat),
        RejectCase("1.0.0.0.0", .invalidFormat),
        RejectCase("1.0.0-gamma", .invalidFormat),
        RejectCase("feature-dev", .invalidFormat),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "composer") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "composer") }

    /// Expected values are composer/semver 3.3's own `normalize` output.
    @Test(arguments: [
        ("1.2", "1.2.0.0"), ("v1.0.0-RC1", "1.0.0.0-RC1"), ("1.0.0a1", "1.0.0.0-alpha1"),
        ("1.x-dev", "1.9999999.9999999.9999999-dev"), ("v2.3.x-dev", "2.3.9999999.9999999-dev"), ("2010-01-02", "2010.01.02"),
        ("1.0.0-beta.5-dev", "1.0.0.0-beta5-dev"), ("1.0.0-stable", "1.0.0.0"), ("1.0.0-p", "1.0.0.0-patch"),
        ("1.0.0.RC.1", "1.0.0.0-RC1"), ("20100102203040", "20100102203040"), ("1.0-dev", "1.0.0.0-dev"),
    ])
    func normalises(_ input: String, _ normalized: String) throws {
        #expect(try ComposerVersion(parsing: input).normalized == normalized)
    }
}
