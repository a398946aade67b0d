import Foundation
import StrataRegoAST

/// Runs a seeded range of generated programs through Strata and OPA and tallies the comparison.
struct DifferentialRun {
    struct Disagreement: Sendable {
        var program: FuzzProgram
        var strata: FuzzOutcome
        var opa: FuzzOutcome
        var opaLine: String

        /// A fixture line (KnownFailures.jsonl): the oracle request plus OPA's answer.
        var fixture: String {
            let request = program.oracleRequest
            return String(request.dropLast()) + ",\"opa\":" + opaLine + ",\"reason\":" + Value.string("unexplained (\(strata))").jsonString() + "}"
        }
    }

    var seed: UInt64
    var count: Int
    var batchSize = 2_000
    /// Oracle processes per batch (`STRATA_FUZZ_ORACLES`, default 2).
    var oracleProcesses = 2

    private(set) var agree = 0
    private(set) var explained: [AcceptedDifference: Int] = [:]
    private(set) var unexplained: [Disagreement] = []
    /// OPA's answers where only its static type checker rejected the program (what Strata's checker misses).
    private(set) var typeErrorLines: [String] = []

    init(seed: UInt64, count: Int) {
        self.seed = seed
        self.count = count
    }

    static func agrees(_ strata: FuzzOutcome, _ opa: FuzzOutcome) -> Bool {
        switch (strata, opa) {
        case (.errors(let mine), .errors(let theirs)): !Set(mine).isDisjoint(with: theirs)
        default: strata == opa
        }
    }

    /// Each batch goes to the oracle on another thread while Strata evaluates the same batch here.
    mutating func run(oracle: OracleProcess) async throws {
        var start = 0
        while start < count {
            let programs = (start..<min(count, start + batchSize)).map { RegoProgramGenerator.program(seed: seed, index: $0) }
            let processes = oracleProcesses
            let answers = Task.detached { try oracle.run(programs, processes: processes) }
            let mine = programs.map { FuzzOutcome.strata($0) }
            for ((program, strata), line) in zip(zip(programs, mine), try await answers.value) {
                let opa = FuzzOutcome.oracle(line)
                if Self.agrees(strata, opa) {
                    agree += 1
                } else if let why = AcceptedDifference.classify(strata: strata, opa: opa, program: program) {
                    explained[why, default: 0] += 1
                    if why == .opaStaticTypeError { typeErrorLines.append(program.oracleRequest + "\t" + line) }
                } else {
                    unexplained.append(Disagreement(program: program, strata: strata, opa: opa, opaLine: line))
                }
            }
            start += batchSize
        }
    }

    var tally: String {
        let total = explained.values.reduce(0, +)
        let classes = explained.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }
        return "Rego differential — seed \(seed), \(count) programs, \(agree) agree, \(total) explained"
            + (classes.isEmpty ? "" : " (\(classes.joined(separator: "; ")))") + ", \(unexplained.count) unexplained"
    }

    func report(limit: Int = 5) -> String {
        unexplained.prefix(limit).map { d in
            "#\(d.program.index) input=\(d.program.input?.jsonString() ?? "none")\n\(d.program.module)strata: \(d.strata)\nopa:    \(d.opa)"
        }.joined(separator: "\n---\n")
    }
}
