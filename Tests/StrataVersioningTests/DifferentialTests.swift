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
        var tally = DifferentialTally(label: testCase.label, pairs: pairs.count)
        for ((a, b), answer) in zip(pairs, answers) {
            let ours = testCase.ours(a, b)
            let theirs = answer.hasPrefix("error") ? "error" : answer
            if ours == theirs {
                tally.agree += 1
                if ours == "error" { tally.rejectedByBoth += 1 }
            } else if let reason = KnownOracleDisagreements.reason(oracle: testCase.oracle, a, b, ours: ours, oracle: theirs) {
                tally.known[reason, default: 0] += 1
            } else {
                tally.unexplained.append("\(a)\t\(b)\tours=\(ours)\toracle=\(answer)")
            }
        }
        print(tally, String(format: "[oracle %.1fs, ours %.1fs]", oracleDone.timeIntervalSince(start), Date().timeIntervalSince(oracleDone)))
        for (reason, count) in tally.known.sorted(by: { $0.key < $1.key }) { print("  known (\(count)): \(reason)") }
        #expect(tally.unexplained.isEmpty, "\(tally)\n\(tally.unexplained.prefix(25).joined(separator: "\n"))")
        #expect(tally.agree * 10 >= tally.pairs * 9, "agreement below 90%: \(tally)")
    }
}

@Suite("Known oracle disagreements are still real")
struct KnownOracleDisagreementTests {
    /// If univers fixes its Maven order, this fails: then drop the entry in KnownOracleDisagreements.
    @Test func universMavenIsNotTransitiveAtATrailingHyphen() throws {
        let answers = try Oracle.compare("maven", [("9-a", "9"), ("9", "9-final-"), ("9-a", "9-final-")])
        #expect(answers == ["1", "0", "-1"])
        let scheme = try #require(VersionSchemes.scheme(id: "maven"))
        #expect(try scheme.compare("9-a", "9-final-") == .orderedDescending)
    }

    @Test func universMavenLacksTheReleaseAlias() throws {
        let answers = try Oracle.compare("maven", [("1.0-release", "1.0"), ("1.0-ga", "1.0")])
        #expect(answers == ["1", "0"])
        let scheme = try #require(VersionSchemes.scheme(id: "maven"))
        #expect(try scheme.compare("1.0-release", "1.0") == .orderedSame)
    }
}
