import StrataVersioning
import Testing

/// Go modules reference (go.dev/ref/mod): versions, pseudo-versions, `+incompatible`.
@Suite("Go module versions")
struct GoModuleVersionTests {
    static let order: [OrderCase] = [
        OrderCase("v1.2.3", "=", "1.2.3"),
        OrderCase("v1.2.3", "<", "v1.10.0"),
        OrderCase("v1.2.3-pre", "<", "v1.2.3"),
        OrderCase("v0.0.0-20220412211240-33da011f77ad", "<", "v0.0.1"),
        OrderCase("v0.0.0-20220412211240-33da011f77ad", ">", "v0.0.0-20210101000000-abcdefabcdef"),
        OrderCase("0.0.0-20220412211240-33da011f77ad", "=", "v0.0.0-20220412211240-33da011f77ad"),
        // A pseudo-version of a commit after v1.2.3 sorts after it and before v1.2.4.
        OrderCase("v1.2.4-0.20220101000000-abcdefabcdef", ">", "v1.2.3"),
        OrderCase("v1.2.4-0.20220101000000-abcdefabcdef", "<", "v1.2.4"),
        OrderCase("v1.2.4-0.20220101000000-abcdefabcdef", "<", "v1.2.4-pre"),
        OrderCase("v1.2.3-pre.0.20220101000000-abcdefabcdef", ">", "v1.2.3-pre"),
        OrderCase("v2.0.0+incompatible", "=", "v2.0.0"),
        OrderCase("v20.10.0+incompatible", ">", "v17.3.1+incompatible"),
        OrderCase("3.2.0+incompatible", ">", "3.2.0-rc.1"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("v1", .invalidFormat),
        RejectCase("v1.2", .invalidFormat),
        RejectCase("v01.2.3", .leadingZero),
        RejectCase("v1.2.3+build", .invalidFormat),
        RejectCase("go1.20", .invalidFormat),
        RejectCase("master", .invalidFormat),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "go") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "go") }

    @Test(arguments: [
        ("v0.0.0-20220412211240-33da011f77ad", true), ("v1.2.4-0.20220101000000-abcdefabcdef", true),
        ("v1.2.3-pre.0.20220101000000-abcdefabcdef", true), ("v1.2.3", false), ("v1.2.3-rc.1", false),
        ("v0.0.0-20220412211240-33DA011F77AD", false), ("v0.0.0-2022041221124-33da011f77ad", false),
    ])
    func recognisesPseudoVersions(_ text: String, _ isPseudo: Bool) throws {
        #expect(try GoModuleVersion(parsing: text).isPseudoVersion == isPseudo)
    }

    @Test func recognisesIncompatible() throws {
        #expect(try GoModuleVersion(parsing: "v2.0.0+incompatible").isIncompatible)
        #expect(try !GoModuleVersion(parsing: "v2.0.0").isIncompatible)
        #expect(try GoModuleVersion(parsing: "1.2.3").description == "v1.2.3")
    }
}
