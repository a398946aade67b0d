import StrataVersioning
import Testing

/// Alpine's APKBUILD reference (pkgver/pkgrel) and the Gentoo rules apk follows (PMS §3.2–3.3).
@Suite("Alpine (apk) versions")
struct APKVersionTests {
    static let order: [OrderCase] = [
        OrderCase("1.0", "<", "1.1"),
        OrderCase("1.0", "<", "1.0.1"),
        OrderCase("1.9", "<", "1.10"),
        OrderCase("1.0_alpha1", "<", "1.0_beta1"),
        OrderCase("1.0_beta1", "<", "1.0_pre1"),
        OrderCase("1.0_pre1", "<", "1.0_rc1"),
        OrderCase("1.0_rc1", "<", "1.0"),
        OrderCase("1.0", "<", "1.0_cvs1"),
        OrderCase("1.0_cvs1", "<", "1.0_svn1"),
        OrderCase("1.0_svn1", "<", "1.0_git1"),
        OrderCase("1.0_git1", "<", "1.0_hg1"),
        OrderCase("1.0_hg1", "<", "1.0_p1"),
        OrderCase("1.0_p1", "<", "1.0_p2"),
        OrderCase("1.0_rc10", ">", "1.0_rc9"),
        OrderCase("1.0_alpha", "=", "1.0_alpha0"),
        OrderCase("1.0a", ">", "1.0"),
        OrderCase("1.0a", "<", "1.0b"),
        OrderCase("1.0z", "<", "1.0.1"),
        OrderCase("1.0-r1", "<", "1.0-r2"),
        OrderCase("1.0-r10", ">", "1.0-r9"),
        OrderCase("1.0", "=", "1.0-r0"),
        OrderCase("1.0_rc1-r5", "<", "1.0"),
        OrderCase("1.0_p1", ">", "1.0-r9"),
        OrderCase("1.2_rc1_p1", ">", "1.2_rc1"),
        OrderCase("1.2_rc1_p1", "<", "1.2"),
        OrderCase("1.2_rc1_p1", "<", "1.2_rc2"),
        OrderCase("1.01", "<", "1.1"),
        OrderCase("1.001", "<", "1.01"),
        OrderCase("1.010", "=", "1.01"),
        OrderCase("3.0.11-r0", "<", "3.0.12-r0"),
        OrderCase("1.36.1-r29", ">", "1.36.1-r2"),
        OrderCase("2.10.0_git20200101-r1", ">", "2.10.0-r1"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("a1.0", .invalidFormat),
        RejectCase("1.0_foo", .invalidFormat),
        RejectCase("1.0-1", .invalidFormat),
        RejectCase("1.0-r", .missingComponent),
        RejectCase("1.0A", .invalidCharacter),
        RejectCase("1..0", .invalidFormat),
        RejectCase("1.0-r1-r2", .invalidCharacter),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "apk") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "apk") }
}
