import StrataVersioning
import Testing

/// rpmvercmp as documented by rpm (`rpm.org/user_doc/versioning.html`) and Fedora's packaging
/// guidelines: alphanumeric segments, digits newer than letters, `~` before and `^` after.
@Suite("RPM versions")
struct RPMVersionTests {
    static let order: [OrderCase] = [
        OrderCase("1.0", "<", "1.1"),
        OrderCase("1.0", "=", "1.0"),
        OrderCase("1.0", "=", "0:1.0"),
        OrderCase("1.0", "<", "1.0.1"),
        OrderCase("2.0", "<", "10"),
        OrderCase("1.0010", "=", "1.10"),
        OrderCase("1.05", "=", "1.5"),
        OrderCase("1.0", "=", "1_0"),
        OrderCase("1.0", "=", "1+0"),
        OrderCase("1..0", "=", "1.0"),
        OrderCase("1.0a", "<", "1.0.1"),
        OrderCase("1.a", "<", "1.1"),
        OrderCase("a", "<", "b"),
        OrderCase("A", "<", "a"),
        OrderCase("1.0a", ">", "1.0"),
        OrderCase("2.0.1a", ">", "2.0.1"),
        OrderCase("5.5p1", "<", "5.5p2"),
        OrderCase("5.5p10", ">", "5.5p2"),
        OrderCase("xyz10", ">", "xyz1.0"),
        OrderCase("1.0~rc1", "<", "1.0"),
        OrderCase("1.0~rc1", "<", "1.0~rc2"),
        OrderCase("1.0~~", "<", "1.0~"),
        OrderCase("1.0~rc1", "<", "1.0~rc1.1"),
        OrderCase("1.0^", ">", "1.0"),
        OrderCase("1.0^git1", ">", "1.0"),
        OrderCase("1.0^git1", "<", "1.0.1"),
        OrderCase("1.0^git1", "<", "1.0a"),
        OrderCase("1.0^git1", ">", "1.0~rc1"),
        OrderCase("1.0~rc1^git1", "<", "1.0~rc1.1"),
        OrderCase("1.0~rc1^git1", ">", "1.0~rc1"),
        OrderCase("1:1.0", ">", "2.0"),
        OrderCase("1.0-1", "<", "1.0-2"),
        OrderCase("1.0-1.el8", "<", "1.0-1.el9"),
        OrderCase("1.0-10.el8", ">", "1.0-9.el8"),
        OrderCase("1.0-1.el8_4", ">", "1.0-1.el8"),
        OrderCase("1.0", "<", "1.0-1"),
        OrderCase("3:4.4.20-1.el8_6", ">", "4.4.20-2.el8"),
        OrderCase("1.8.2-4.module+el8.1.0+4066+0f1aadab", "<", "1.8.2-4.module+el8.2.0+5000+11111111"),
        OrderCase("0-0.25.20130910svn.module_el8.6.0+2786+d7c38b21", ">", "0-0.22.20130910svn.module_el8.0.0+6004+2fc32706"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("a:1.0", .invalidEpoch),
        RejectCase("1.0-", .missingComponent),
        RejectCase("1:-1", .missingComponent),
        RejectCase("1.0 beta", .invalidCharacter),
        RejectCase("1.0/2", .invalidCharacter),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "rpm") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "rpm") }

    @Test func parsesEVR() throws {
        let version = try RPMVersion(parsing: "3:4.4.20-1.el8_6")
        #expect(version.epoch == "3")
        #expect(version.version == "4.4.20")
        #expect(version.release == "1.el8_6")
    }
}
