import StrataVersioning
import Testing

/// node-semver's README: versions, range grammar, desugaring and the pre-release rule.
@Suite("npm versions and ranges")
struct NpmRangeTests {
    struct Satisfaction: Sendable, CustomStringConvertible {
        let range: String
        let version: String
        let satisfies: Bool
        init(_ range: String, _ version: String, _ satisfies: Bool) {
            self.range = range
            self.version = version
            self.satisfies = satisfies
        }
        var description: String { "\(version) \(satisfies ? "satisfies" : "does not satisfy") \(range)" }
    }

    static let satisfaction: [Satisfaction] = [
        Satisfaction("^1.2.3", "1.9.9", true), Satisfaction("^1.2.3", "2.0.0", false), Satisfaction("^1.2.3", "1.2.2", false),
        Satisfaction("^0.2.3", "0.2.9", true), Satisfaction("^0.2.3", "0.3.0", false),
        Satisfaction("^0.0.3", "0.0.3", true), Satisfaction("^0.0.3", "0.0.4", false),
        Satisfaction("^1.2.x", "1.9.0", true), Satisfaction("^0.0.x", "0.0.9", true), Satisfaction("^0.0.x", "0.1.0", false),
        Satisfaction("^0.x", "0.9.0", true), Satisfaction("^0.x", "1.0.0", false),
        Satisfaction("~1.2.3", "1.2.9", true), Satisfaction("~1.2.3", "1.3.0", false),
        Satisfaction("~1.2", "1.2.0", true), Satisfaction("~1", "1.9.0", true), Satisfaction("~1", "2.0.0", false),
        Satisfaction("~>1.2", "1.2.5", true), Satisfaction("~0.2.3", "0.2.4", true),
        Satisfaction("1.x", "1.5.0", true), Satisfaction("1.x", "2.0.0", false), Satisfaction("1.2.*", "1.2.7", true),
        Satisfaction("*", "5.0.0", true), Satisfaction("", "0.0.0", true), Satisfaction("x", "1.0.0", true),
        Satisfaction("1", "1.9.9", true), Satisfaction("1.2", "1.3.0", false),
        Satisfaction("1.2.3 - 2.3.4", "2.3.4", true), Satisfaction("1.2.3 - 2.3.4", "2.3.5", false),
        Satisfaction("1.2 - 2.3.4", "1.2.0", true), Satisfaction("1.2.3 - 2.3", "2.3.9", true),
        Satisfaction("1.2.3 - 2.3", "2.4.0", false), Satisfaction("1.2.3 - 2", "2.9.9", true),
        Satisfaction(">1", "2.0.0", true), Satisfaction(">1", "1.9.9", false), Satisfaction(">1.2", "1.3.0", true),
        Satisfaction("<1.2", "1.1.9", true), Satisfaction("<1.2", "1.2.0", false), Satisfaction("<=1.2", "1.2.9", true),
        Satisfaction(">=1.2", "1.2.0", true), Satisfaction("=1.2.3", "1.2.3", true), Satisfaction("v1.2.3", "1.2.3", true),
        Satisfaction(">= 1.2.3 < 2", "1.5.0", true), Satisfaction(">=1.2.7 <1.3.0", "1.2.8", true),
        Satisfaction(">=1.2.7 <1.3.0", "1.3.0", false),
        Satisfaction("1.2.7 || >=1.2.9 <2.0.0", "1.2.7", true), Satisfaction("1.2.7 || >=1.2.9 <2.0.0", "1.2.8", false),
        Satisfaction("1.2.7 || >=1.2.9 <2.0.0", "1.4.6", true),
        // Pre-releases only match a comparator with a pre-release on the same major.minor.patch.
        Satisfaction(">1.2.3-alpha.3", "1.2.3-alpha.7", true), Satisfaction(">1.2.3-alpha.3", "3.4.5-alpha.9", false),
        Satisfaction(">1.2.3-alpha.3", "3.4.5", true), Satisfaction("^1.2.3-beta.2", "1.2.3-beta.4", true),
        Satisfaction("^1.2.3-beta.2", "1.2.4-beta.2", false), Satisfaction("*", "1.0.0-rc.1", false),
        Satisfaction("<2.0.0", "2.0.0-rc.1", false), Satisfaction("~1.2.3-beta.2", "1.2.3-beta.1", false),
        Satisfaction(">=1.0.0-0", "1.0.0-0", true), Satisfaction("<0.0.0-0", "0.0.0", false),
        Satisfaction("1.2.3+build", "1.2.3", true), Satisfaction("^1.2.3", "1.2.3+build.7", true),
    ]

    @Test(arguments: satisfaction)
    func satisfies(_ testCase: Satisfaction) throws {
        let range = try NpmRange(parsing: testCase.range)
        #expect(try range.isSatisfied(by: testCase.version) == testCase.satisfies, "\(testCase) (\(range.normalized))")
    }

    @Test(arguments: [
        ("^1.2.3", ">=1.2.3 <2.0.0-0"), ("^0.2.3", ">=0.2.3 <0.3.0-0"), ("^0.0.3", ">=0.0.3 <0.0.4-0"),
        ("~1.2", ">=1.2.0 <1.3.0-0"), ("1.2.3 - 2.3", ">=1.2.3 <2.4.0-0"), ("1.x || >=3", ">=1.0.0 <2.0.0-0 || >=3.0.0"),
        (">1.2", ">=1.3.0"), ("<=1", "<2.0.0-0"), ("*", "*"), ("<*", "<0.0.0-0"), ("=1.2.3", "1.2.3"),
    ])
    func desugars(_ range: String, _ normalized: String) throws {
        #expect(try NpmRange(parsing: range).normalized == normalized)
    }

    @Test(arguments: ["1.2.3.4", ">=a", "^1.2.3-", "1.2-beta", "1.x.3", "~1.2.3-01", ">=1.2.3 <"])
    func rejectsRange(_ text: String) {
        #expect(throws: VersionParseError.self) { try NpmRange(parsing: text) }
    }

    static let versionOrder: [OrderCase] = [
        OrderCase("v1.2.3", "=", "1.2.3"), OrderCase("v1.2.3", "<", "v1.2.4"), OrderCase("1.2.3-rc.1", "<", "1.2.3"),
        OrderCase("1.2.3+build", "=", "1.2.3"), OrderCase("1.2.3-rc.1+build", "=", "1.2.3-rc.1"),
        OrderCase("1.2.3-alpha.10", ">", "1.2.3-alpha.9"), OrderCase("1.2.3-alpha", "<", "1.2.3-beta"),
        OrderCase("4.17.21", ">", "4.17.4"), OrderCase("0.0.0-0", "<", "0.0.0"),
        OrderCase("1.0.0-beta.11", ">", "1.0.0-beta.2"), OrderCase("1.0.0-rc.1", ">", "1.0.0-beta.11"),
    ]

    static let versionRejected: [RejectCase] = [
        RejectCase("1.2", .invalidFormat), RejectCase("", .empty), RejectCase("1.2.3-01", .leadingZero),
        RejectCase("^1.2.3", .invalidFormat), RejectCase("latest", .invalidFormat),
        RejectCase("=1.2.3", .invalidFormat), RejectCase(" 1.2.3", .invalidFormat),
    ]

    @Test(arguments: versionOrder) func ordersVersions(_ testCase: OrderCase) throws { try testCase.check(scheme: "npm") }
    @Test(arguments: versionRejected) func rejectsVersion(_ testCase: RejectCase) throws { try testCase.check(scheme: "npm") }
}
