import Foundation
import Testing

/// Generated Rego programs through Strata and the real OPA; any unexplained disagreement fails.
/// CI runs a bounded seeded batch; `STRATA_FUZZ_PROGRAMS` / `STRATA_FUZZ_SEED` (scripts/rego-fuzz) run more.
@Suite("Rego differential fuzzing against OPA")
struct RegoDifferentialTests {
    /// About 52 s on the shared 2-core machine (80 s under a concurrent build); OPA compiling each program dominates.
    static let ciPrograms = 10_000
    static let ciSeed: UInt64 = 20_261_201
    /// Unexplained disagreements of the CI batch that are known Strata bugs not yet fixed (representatives in
    /// Fixtures/differential-known-failures.jsonl). A ratchet: it reached 0, and any new one fails.
    /// Runs with another seed or count (scripts/rego-fuzz) fail on any unexplained disagreement.
    static let ciKnownUnexplained = 0

    @Test("generated programs agree with OPA")
    func differential() async throws {
        let env = ProcessInfo.processInfo.environment
        let count = env["STRATA_FUZZ_PROGRAMS"].flatMap { Int($0) } ?? Self.ciPrograms
        let seed = env["STRATA_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.ciSeed
        guard let oracle = OracleProcess.locateOrRecord() else { return }
        var run = DifferentialRun(seed: seed, count: count)
        run.oracleProcesses = env["STRATA_FUZZ_ORACLES"].flatMap { Int($0) }.map { max(1, $0) } ?? run.oracleProcesses
        let started = Date()
        try await run.run(oracle: oracle)
        print(run.tally + String(format: " in %.1f s", Date().timeIntervalSince(started)))
        let isCI = count == Self.ciPrograms && seed == Self.ciSeed
        let allowed = isCI ? Self.ciKnownUnexplained : 0
        if let path = env["STRATA_FUZZ_TYPE_ERRORS"] {
            try run.typeErrorLines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        if !run.unexplained.isEmpty, let path = env["STRATA_FUZZ_REPORT"] {
            try run.report(limit: 200).write(toFile: path, atomically: true, encoding: .utf8)
            try run.unexplained.prefix(200).map(\.fixture).joined(separator: "\n").write(toFile: path + ".jsonl", atomically: true, encoding: .utf8)
        }
        if run.unexplained.count > allowed {
            Issue.record("\(run.unexplained.count) unexplained disagreements with OPA (\(allowed) known):\n\(run.report())")
        }
    }

    @Test("the generator is deterministic in the seed")
    func deterministic() {
        for i in 0..<50 {
            #expect(RegoProgramGenerator.program(seed: 7, index: i).oracleRequest == RegoProgramGenerator.program(seed: 7, index: i).oracleRequest)
        }
        #expect(RegoProgramGenerator.program(seed: 7, index: 1).module != RegoProgramGenerator.program(seed: 8, index: 1).module)
    }
}
