import StrataVersioning
import Testing

/// PEP 440 / the PyPA Version Specifiers spec, including its normalisation section.
@Suite("PEP 440 versions")
struct PEP440VersionTests {
    static let order: [OrderCase] = [
        // The spec's example order of a release's phases.
        OrderCase("1.0.dev456", "<", "1.0a1"),
        OrderCase("1.0a1", "<", "1.0a2.dev456"),
        OrderCase("1.0a2.dev456", "<", "1.0a12.dev456"),
        OrderCase("1.0a12.dev456", "<", "1.0a12"),
        OrderCase("1.0a12", "<", "1.0b1.dev456"),
        OrderCase("1.0b1.dev456", "<", "1.0b2"),
        OrderCase("1.0b2", "<", "1.0b2.post345.dev456"),
        OrderCase("1.0b2.post345.dev456", "<", "1.0b2.post345"),
        OrderCase("1.0b2.post345", "<", "1.0rc1.dev456"),
        OrderCase("1.0rc1.dev456", "<", "1.0rc1"),
        OrderCase("1.0rc1", "<", "1.0"),
        OrderCase("1.0", "<", "1.0+abc.5"),
        OrderCase("1.0+abc.5", "<", "1.0+abc.7"),
        OrderCase("1.0+abc.7", "<", "1.0+5"),
        OrderCase("1.0+5", "<", "1.0.post456.dev34"),
        OrderCase("1.0.post456.dev34", "<", "1.0.post456"),
        OrderCase("1.0.post456", "<", "1.1.dev1"),
        // Release segments: zero padding.
        OrderCase("1.0", "=", "1.0.0"),
        OrderCase("1", "=", "1.0.0.0"),
        OrderCase("1.01", "=", "1.1"),
        OrderCase("2.0", ">", "1.99999"),
        OrderCase("1.10", ">", "1.9"),
        // Epochs.
        OrderCase("1!1.0", ">", "2.0"),
        OrderCase("0!1.0", "=", "1.0"),
        OrderCase("2013.10", "<", "1!1.0"),
        // Normalisation.
        OrderCase("1.0RC1", "=", "1.0rc1"),
        OrderCase("1.0c1", "=", "1.0rc1"),
        OrderCase("1.0pre1", "=", "1.0rc1"),
        OrderCase("1.0preview1", "=", "1.0rc1"),
        OrderCase("1.0alpha1", "=", "1.0a1"),
        OrderCase("1.0beta2", "=", "1.0b2"),
        OrderCase("1.0-a.1", "=", "1.0a1"),
        OrderCase("1.0_b_2", "=", "1.0b2"),
        OrderCase("1.0a", "=", "1.0a0"),
        OrderCase("1.0-1", "=", "1.0.post1"),
        OrderCase("1.0post1", "=", "1.0.post1"),
        OrderCase("1.0.rev1", "=", "1.0.post1"),
        OrderCase("1.0-r1", "=", "1.0.post1"),
        OrderCase("1.0.post", "=", "1.0.post0"),
        OrderCase("1.0-dev", "=", "1.0.dev0"),
        OrderCase("1.0dev2", "=", "1.0.dev2"),
        OrderCase("v1.0", "=", "1.0"),
        OrderCase(" 1.0 ", "=", "1.0"),
        OrderCase("1.0+ubuntu-1", "=", "1.0+ubuntu.1"),
        OrderCase("1.0+ABC", "=", "1.0+abc"),
        OrderCase("1.0+01", "=", "1.0+1"),
        OrderCase("1.0.POST1", "=", "1.0.post1"),
        // Local versions.
        OrderCase("1.0+1.2", ">", "1.0+1"),
        OrderCase("1.0+a", "<", "1.0+0"),
        OrderCase("1.0+a.b", "<", "1.0+a.c"),
        OrderCase("1.0+a", "<", "1.0.post0"),
        // Dev releases of post releases, post releases of pre releases.
        OrderCase("1.0.post1.dev1", "<", "1.0.post1"),
        OrderCase("1.0.post1.dev1", ">", "1.0"),
        OrderCase("1.0a1.post1", ">", "1.0a1"),
        OrderCase("1.0a1.post1", "<", "1.0a2"),
        OrderCase("1.0.dev1", "<", "1.0a1.dev1"),
        OrderCase("8.1", "=", "8.1.0"),
        OrderCase("23.10.0rc1", "<", "23.10.0"),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("", .empty),
        RejectCase("a", .invalidFormat),
        RejectCase("1.0-eevee", .invalidFormat),
        RejectCase("2.0.1rc2-git", .invalidFormat),
        RejectCase("0.2.0-n653", .invalidFormat),
        RejectCase("2019-09-12", .invalidFormat),
        RejectCase("1.0+", .invalidFormat),
        RejectCase("1.0+a..b", .invalidFormat),
        RejectCase("!1.0", .invalidEpoch),
        RejectCase("1.0.", .invalidFormat),
        RejectCase("1..0", .invalidFormat),
    ]

    @Test(arguments: order) func orders(_ testCase: OrderCase) throws { try testCase.check(scheme: "pep440") }
    @Test(arguments: rejected) func rejects(_ testCase: RejectCase) throws { try testCase.check(scheme: "pep440") }

    @Test(arguments: [
        ("1.0RC1", "1.0rc1"), ("v1.0-1", "1.0.post1"), ("1!2.0-alpha.3-r4_dev5+Ubuntu-1", "1!2.0a3.post4.dev5+ubuntu.1"),
        ("1.00", "1.0"), ("01.2", "1.2"), ("1.0a", "1.0a0"),
    ])
    func normalises(_ input: String, _ canonical: String) throws {
        #expect(try PEP440Version(parsing: input).description == canonical)
    }
}
