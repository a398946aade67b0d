import StrataVersioning
import Testing

/// The POM reference's Version Order Specification and its examples, as Maven 3.8.7 reads them.
@Suite("Maven versions")
struct MavenVersionTests {
    static let order: [OrderCase] = [
        OrderCase("1", "<", "1.1"),
        OrderCase("1-snapshot", "<", "1"),
        OrderCase("1", "<", "1-sp"),
        OrderCase("1-foo2", "<", "1-foo10"),
        OrderCase("1.foo", "=", "1-foo"),
        OrderCase("1.foo.1", "<", "1-foo-1"),
        OrderCase("1-foo", "<", "1-1"),
        OrderCase("1-1", "<", "1.1"),
        OrderCase("1.ga", "=", "1-ga"),
        OrderCase("1-ga", "=", "1-0"),
        OrderCase("1-0", "=", "1.0"),
        OrderCase("1.0", "=", "1"),
        OrderCase("1.0.0", "=", "1"),
        OrderCase("1.final", "=", "1"),
        OrderCase("1.release", "=", "1"),
        OrderCase("1.", "=", "1"),
        OrderCase("1-", "=", "1"),
        OrderCase("1.0.0-foo.0.0", "=", "1-foo"),
        OrderCase("1.0.0-0.0.0", "=", "1"),
        OrderCase("1-sp", ">", "1-ga"),
        OrderCase("1-sp.1", ">", "1-ga.1"),
        OrderCase("1-sp-1", "<", "1-ga-1"),
        OrderCase("1-a1", "=", "1-alpha-1"),
        OrderCase("1.0a1", "=", "1.0-alpha-1"),
        OrderCase("1.0-alpha1", "<", "1.0-beta1"),
        OrderCase("1.0-b2", "=", "1.0-beta-2"),
        OrderCase("1.0-beta1", "<", "1.0-milestone1"),
        OrderCase("1.0-m1", "=", "1.0-milestone1"),
        OrderCase("1.0-milestone1", "<", "1.0-rc1"),
        OrderCase("1.0-rc1", "=", "1.0-cr1"),
        OrderCase("1.0-RC1", "=", "1.0-rc1"),
        OrderCase("1.0-rc1", "<", "1.0-SNAPSHOT"),
        OrderCase("1.0-SNAPSHOT", "<", "1.0"),
        OrderCase("1.0", "<", "1.0-sp1"),
        OrderCase("1.0-sp", "<", "1.0-foo"),
        OrderCase("1.0-foo", "<", "1.0-goo"),
        OrderCase("2.0-foo", ">", "2.0"),
        OrderCase("1.0.0-alpha", "=", "1-alpha"),
        OrderCase("1.0-1", "<", "1.0.1"),
        OrderCase("1.0-1", ">", "1.0"),
        OrderCase("1.0a", ">", "1.0"),
        OrderCase("1.0-a", ">", "1.0-alpha1"),
        OrderCase("2.0.0.RELEASE", "=", "2.0.0"),
        OrderCase("5.3.18", "<", "5.3.20"),
        OrderCase("2.12.7.1", ">", "2.12.7"),
        OrderCase("1.2147483648", ">", "1.2147483647"),
        OrderCase("1.99999999999999999999", "<", "1.100000000000000000000"),
        OrderCase("1-0.1", ">", "1"),
        OrderCase("1.0.sp", "=", "1-sp"),
        OrderCase("1.0.alpha1", "=", "1-alpha-1"),
        OrderCase("1.a.b", "<", "1.a.c"),
        OrderCase("1..2", "=", "1.0.2"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("1.0 beta", .invalidCharacter),
        RejectCase("1.0\t", .invalidCharacter),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "maven") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "maven") }

    /// Maven's own order has cycles where a `.qualifier` meets a `-qualifier` (the real Maven 3.8.7
    /// gives these three answers too: KnownOracleDisagreementTests.mavenItselfHasACycle); we keep them.
    @Test func keepsMavensCycle() throws {
        let scheme = try #require(VersionSchemes.scheme(id: "maven"))
        #expect(try scheme.compare("11.milestone", "11") == .orderedAscending)
        #expect(try scheme.compare("11", "11.m.b-cr.sp") == .orderedAscending)
        #expect(try scheme.compare("11.milestone", "11.m.b-cr.sp") == .orderedDescending)
    }

    /// Expected values are Maven 3.8.7's own canonical forms.
    @Test(arguments: [
        ("1.0.0", "1"), ("1-1.foo-bar1baz-.1", "1-1.foo-bar-1-baz-0.1"), ("1.0-alpha-1", "1-alpha-1"), ("1.0-final", "1"),
        ("1.ga.1", "1..1"), ("2-ga.alpha.RC", "2-alpha-rc"), ("0.RC", "rc"), ("1.2.3-ga-1", "1.2.3-1"), ("1.0.sp", "1-sp"),
        ("2.0.0.RELEASE-2", "2-2"), ("1.a.b", "1.a-b"), ("1.0m1", "1-milestone-1"), ("3.final0.beta", "3-beta"),
    ])
    func canonicalises(_ input: String, _ canonical: String) throws {
        #expect(try MavenVersion(parsing: input).canonical == canonical)
    }
}
