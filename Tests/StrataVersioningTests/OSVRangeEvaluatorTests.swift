import StrataVersioning
import Testing

/// The OSV schema's range evaluation on small hand-made entries.
@Suite("OSV range evaluation")
struct OSVRangeEvaluatorTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let events: [OSVRangeEvaluator.Event]
        var versions: [String] = []
        var type: OSVRangeEvaluator.EventRange.Kind = .ecosystem
        let version: String
        let affected: Bool
        var fixed: [String] = []
        var description: String { "\(name): \(version)" }
    }

    static let pypi: [Case] = [
        Case(name: "inside", events: [.introduced("1.0"), .fixed("1.5")], version: "1.2", affected: true, fixed: ["1.5"]),
        Case(name: "at introduced", events: [.introduced("1.0"), .fixed("1.5")], version: "1.0", affected: true, fixed: ["1.5"]),
        Case(name: "at fixed", events: [.introduced("1.0"), .fixed("1.5")], version: "1.5", affected: false),
        Case(name: "below", events: [.introduced("1.0"), .fixed("1.5")], version: "0.9", affected: false),
        Case(name: "PEP 440 equality at fixed", events: [.introduced("0"), .fixed("8.1")], version: "8.1.0", affected: false),
        Case(name: "pre-release below fixed", events: [.introduced("0"), .fixed("23.10.0")], version: "23.10.0rc1", affected: true, fixed: ["23.10.0"]),
        Case(name: "from the beginning", events: [.introduced("0"), .fixed("2.0")], version: "0.0.1", affected: true, fixed: ["2.0"]),
        Case(name: "open range", events: [.introduced("2.0")], version: "99.0", affected: true),
        Case(name: "last_affected includes", events: [.introduced("0"), .lastAffected("1.11.0")], version: "1.11.0", affected: true),
        Case(name: "last_affected excludes above", events: [.introduced("0"), .lastAffected("1.11.0")], version: "1.11.1", affected: false),
        Case(name: "unsorted events", events: [.introduced("2.0.0"), .fixed("2.0.6"), .introduced("0"), .fixed("1.26.17")],
             version: "2.0.3", affected: true, fixed: ["2.0.6"]),
        Case(name: "unsorted events, first interval", events: [.introduced("2.0.0"), .fixed("2.0.6"), .introduced("0"), .fixed("1.26.17")],
             version: "1.26.0", affected: true, fixed: ["1.26.17"]),
        Case(name: "unsorted events, gap", events: [.introduced("2.0.0"), .fixed("2.0.6"), .introduced("0"), .fixed("1.26.17")],
             version: "1.26.17", affected: false),
        Case(name: "tie fixed/introduced keeps X affected", events: [.introduced("0"), .fixed("3.1.1"), .introduced("3.1.1"), .fixed("3.1.3")],
             version: "3.1.1", affected: true, fixed: ["3.1.3"]),
        Case(name: "tie the other way round in the file", events: [.introduced("3.1.1"), .fixed("3.1.3"), .introduced("0"), .fixed("3.1.1")],
             version: "3.1.1", affected: true, fixed: ["3.1.3"]),
        Case(name: "limit bounds the range", events: [.introduced("1.0"), .limit("2.0")], version: "2.1", affected: false),
        Case(name: "below the limit", events: [.introduced("1.0"), .limit("2.0")], version: "1.9", affected: true),
        Case(name: "limit *", events: [.introduced("1.0"), .limit("*")], version: "9.0", affected: true),
        Case(name: "versions only", events: [.introduced("4.2"), .fixed("4.2.1")], versions: ["4.2rc1"], version: "4.2rc1", affected: true),
        Case(name: "versions by PEP 440 equality", events: [], versions: ["8.1.0"], version: "8.1", affected: true),
        Case(name: "GIT ranges are not evaluated", events: [.introduced("0"), .fixed("abcdef")], type: .git, version: "1.0", affected: false),
    ]

    @Test(arguments: pypi)
    func evaluatesPyPI(_ testCase: Case) throws {
        let evaluator = try #require(OSVRangeEvaluator(ecosystem: "PyPI"))
        let entry = OSVRangeEvaluator.Entry(ranges: [OSVRangeEvaluator.EventRange(type: testCase.type, events: testCase.events)], versions: testCase.versions)
        let match = try evaluator.evaluate(testCase.version, in: entry)
        #expect(match.isAffected == testCase.affected)
        #expect(match.fixedVersions == testCase.fixed)
        #expect(match.skipped.isEmpty == (testCase.type != .git))
    }

    @Test func reportsAnUnorderableRangeAndKeepsTheOthers() throws {
        let evaluator = try #require(OSVRangeEvaluator(ecosystem: "PyPI"))
        let entry = OSVRangeEvaluator.Entry(ranges: [
            OSVRangeEvaluator.EventRange(type: .ecosystem, events: [.introduced("0"), .fixed("2019-09-12")]),
            OSVRangeEvaluator.EventRange(type: .ecosystem, events: [.introduced("1.0"), .fixed("1.2")]),
        ])
        let match = try evaluator.evaluate("1.1", in: entry)
        #expect(match.isAffected)
        #expect(match.fixedVersions == ["1.2"])
        #expect(match.skipped.map(\.rangeIndex) == [0])
    }

    @Test func rejectsAnUnparseableInstalledVersion() throws {
        let evaluator = try #require(OSVRangeEvaluator(ecosystem: "PyPI"))
        #expect(throws: VersionParseError.self) { try evaluator.evaluate("1.0-eevee", in: OSVRangeEvaluator.Entry()) }
    }

    @Test func combinesFixedVersionsAcrossRanges() throws {
        let evaluator = try #require(OSVRangeEvaluator(ecosystem: "Go"))
        let entry = OSVRangeEvaluator.Entry(ranges: [
            OSVRangeEvaluator.EventRange(type: .semver, events: [.introduced("0"), .fixed("1.4.13"), .introduced("1.5.0"), .fixed("1.5.10")]),
            OSVRangeEvaluator.EventRange(type: .semver, events: [.introduced("1.4.0"), .fixed("1.4.12")]),
        ])
        let match = try evaluator.evaluate("v1.4.0", in: entry)
        #expect(match.fixedVersions == ["1.4.12", "1.4.13"])
        #expect(match.lowestFixedVersion == "1.4.12")
        let pseudo = try evaluator.evaluate("v0.0.0-20220101000000-abcdefabcdef", in: entry)
        #expect(pseudo.isAffected && pseudo.fixedVersions == ["1.4.13"])
    }

    @Test func evaluatesDebianAndRPMEcosystems() throws {
        let debian = try #require(OSVRangeEvaluator(ecosystem: "Debian:12"))
        let dpkg = OSVRangeEvaluator.Entry(ranges: [OSVRangeEvaluator.EventRange(type: .ecosystem, events: [.introduced("0"), .fixed("3.0.11-1~deb12u2")])])
        #expect(try debian.evaluate("3.0.11-1~deb12u1", in: dpkg).isAffected)
        #expect(try !debian.evaluate("3.0.11-1", in: dpkg).isAffected)
        let alma = try #require(OSVRangeEvaluator(ecosystem: "AlmaLinux:9"))
        let rpm = OSVRangeEvaluator.Entry(ranges: [OSVRangeEvaluator.EventRange(type: .ecosystem, events: [.introduced("0"), .fixed("1:3.0.7-25.el9_3")])])
        #expect(try alma.evaluate("1:3.0.7-24.el9", in: rpm).fixedVersions == ["1:3.0.7-25.el9_3"])
        #expect(try !alma.evaluate("1:3.0.7-25.el9_3", in: rpm).isAffected)
    }
}
