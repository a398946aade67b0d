import Foundation
import StrataRego
import StrataRegoAST
import Testing
import _StrataTestSupport

/// Disagreements the differential fuzzer found. Fixed ones are plain regression cases; the rest are
/// recorded with OPA's answer (Fixtures/differential-known-failures.jsonl) as known issues: when Strata
/// starts agreeing with OPA the known issue disappears and the test fails, asking for the entry to move here.
@Suite("Rego differential regressions")
struct FuzzRegressionTests {
    static let fixtures = RepoPaths.root().appendingPathComponent("Tests/StrataRegoTests/Fixtures/differential-known-failures.jsonl")
    /// Disagreements that are documented OPA quirks (`AcceptedDifference`), each with OPA's recorded answer.
    static let explained = RepoPaths.root().appendingPathComponent("Tests/StrataRegoTests/Fixtures/differential-explained.jsonl")
    /// Minimised disagreements that are fixed, each with OPA's recorded answer.
    static let regressions = RepoPaths.root().appendingPathComponent("Tests/StrataRegoTests/Fixtures/differential-regressions.jsonl")

    @Test("indexof and indexof_n reject an empty search string, as OPA does")
    func indexofEmptySearch() {
        for query in [#"indexof("abc", "")"#, #"indexof_n("abc", "")"#] {
            let program = FuzzProgram(index: 0, module: "package fuzz\nr := \(query)\n", data: .emptyObject, input: nil)
            #expect(FuzzOutcome.strata(program) == .errors(["eval_builtin_error"]))
        }
    }

    @Test("fixed disagreements agree with OPA's recorded answer", arguments: (try? FuzzRegressionTests.cases(regressions)) ?? [])
    func fixedRegression(_ c: RecordedCase) {
        let strata = FuzzOutcome.strata(c.program)
        #expect(DifferentialRun.agrees(strata, c.opa), "\(c.reason) — fixture line \(c.program.index + 1): strata \(strata), opa \(c.opa)")
    }

    @Test("recorded OPA quirks still differ and are classified as explained", arguments: (try? FuzzRegressionTests.cases(explained)) ?? [])
    func explainedQuirk(_ c: RecordedCase) {
        let strata = FuzzOutcome.strata(c.program)
        #expect(!DifferentialRun.agrees(strata, c.opa), "Strata now agrees with OPA: move fixture line \(c.program.index + 1) to the regressions")
        let why = AcceptedDifference.classify(strata: strata, opa: c.opa, program: c.program)
        #expect(why.map { c.reason.hasPrefix($0.rawValue) } == true, "classified as \(String(describing: why)): \(c.reason)")
    }

    @Test("the regression fixture loads")
    func regressionFixtureLoads() throws {
        #expect(try !Self.cases(Self.regressions).isEmpty)
        #expect(try !Self.cases(Self.explained).isEmpty)
    }

    struct RecordedCase: Sendable, CustomTestStringConvertible {
        var program: FuzzProgram
        var opa: FuzzOutcome
        var reason: String
        var testDescription: String { "line \(program.index + 1): \(reason)" }
    }

    static func cases(_ url: URL) throws -> [RecordedCase] {
        try knownFailures(url).map { RecordedCase(program: $0.program, opa: $0.opa, reason: $0.reason) }
    }

    static func knownFailures(_ url: URL = fixtures) throws -> [(program: FuzzProgram, opa: FuzzOutcome, reason: String)] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { i, line in
            guard case .object(let o) = try RegoEngine.parseJSON(String(line)),
                  case .object(let modules)? = o[.string("modules")],
                  case .string(let module)? = modules[.string(FuzzProgram.moduleName)],
                  let opa = o[.string("opa")], case .string(let reason)? = o[.string("reason")] else {
                throw RegoError(.invalidInput, "bad fixture line \(i + 1)")
            }
            let program = FuzzProgram(index: i, module: module, data: o[.string("data")] ?? .emptyObject, input: o[.string("input")])
            return (program, FuzzOutcome.oracle(opa.jsonString()), reason)
        }
    }

    @Test("recorded disagreements still differ from OPA (known failures)")
    func knownFailuresStillDiffer() throws {
        // Empty once every recorded disagreement is fixed; the file stays for the next one found.
        for c in try Self.knownFailures() {
            withKnownIssue("\(c.reason) — fixture line \(c.program.index + 1)") {
                let strata = FuzzOutcome.strata(c.program)
                #expect(DifferentialRun.agrees(strata, c.opa), "strata \(strata), opa \(c.opa)")
            }
        }
    }
}
