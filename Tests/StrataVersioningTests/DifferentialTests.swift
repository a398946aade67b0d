import Foundation
import StrataVersioning
import Testing

@Suite("Differential tests against independent oracles")
struct DifferentialTests {
    static let cases: [DifferentialCase] = DifferentialCatalog.cases

    @Test(arguments: cases)
    func agreesWithOracle(_ testCase: DifferentialCase) throws {
        let start = Date()
        let pairs = try testCase.pairs()
        #expect(pairs.count >= min(testCase.generated + testCase.real, 100), "too few pairs for \(testCase.label)")
        let answers = try Oracle.compare(testCase.oracle, pairs)
        let oracleDone = Date()
        var tally = DifferentialTally(label: testCase.label, unit: testCase.unit, pairs: pairs.count)
        var disagreements = [(a: String, b: String, ours: String, theirs: String)]()
        for ((a, b), answer) in zip(pairs, answers) {
            let ours = testCase.ours(a, b)
            let theirs = answer.hasPrefix("error") ? "error" : answer
            if ours == theirs {
                tally.agree += 1
                if ours == "error" { tally.rejectedByBoth += 1 }
            } else {
                disagreements.append((a, b, ours, answer))
            }
        }
        try KnownOracleDisagreements.classify(oracle: testCase.oracle, disagreements, into: &tally)
        print(tally, String(format: "[oracle %.1fs, ours %.1fs]", oracleDone.timeIntervalSince(start), Date().timeIntervalSince(oracleDone)))
        for (reason, count) in tally.known.sorted(by: { $0.key < $1.key }) { print("  known (\(count)): \(reason)") }
        #expect(tally.unexplained.count == 0, "\(tally)\n\(tally.unexplained.prefix(25).joined(separator: "\n"))")
        #expect(tally.agree * 10 >= tally.pairs * 9, "agreement below 90%: \(tally)")
    }
}

@Suite("Known oracle disagreements are still real")
struct KnownOracleDisagreementTests {
    /// If univers catches up with Maven, this fails: then drop its entry in KnownOracleDisagreements.
    @Test func universMavenStillDiffersFromMaven() throws {
        let pairs = [("1-0.1", "1"), ("1.0-release", "1.0"), ("1.foo", "1-foo"), ("9-a", "9-final-")]
        let univers = try Oracle.compare("maven", pairs)
        let maven = try Oracle.compare("maven-real", pairs)
        #expect(univers == ["0", "1", "-1", "-1"])
        #expect(maven == ["1", "0", "0", "1"])
        let scheme = try #require(VersionSchemes.scheme(id: "maven"))
        #expect(try pairs.map { String(try scheme.compare($0.0, $0.1).rawValue) } == maven)
    }

    /// Maven's own order is not transitive; ours follows it (see MavenVersionTests.keepsMavensCycle).
    @Test func mavenItselfHasACycle() throws {
        let answers = try Oracle.compare("maven-real", [("11.milestone", "11"), ("11", "11.m.b-cr.sp"), ("11.milestone", "11.m.b-cr.sp")])
        #expect(answers == ["-1", "-1", "1"])
    }
}
