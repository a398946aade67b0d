import Testing
import StrataRego
import StrataRegoAST

/// `EvalObserver`: the trace, profile and coverage behind `--explain`, `--profile` and `--coverage`.
@Suite("Rego evaluation observer")
struct ObserverTests {
    static let module = """
        package c
        import rego.v1

        allow if {
            input.user == "alice"
            trace("checking role")
            startswith(input.role, "adm")
        }

        unused if {
            input.never == 1
        }
        """

    func run(_ features: EvalObserver.Features, input: Value) throws -> (EvalObserver, RegoEngine) {
        let observer = EvalObserver(features)
        var engine = try RegoEngine(modules: [(name: "c.rego", source: Self.module)])
        engine.options.eval.observer = observer
        _ = try engine.evaluate(query: "data.c.allow", input: input)
        return (observer, engine)
    }

    static let alice: Value = .object([.string("user"): .string("alice"), .string("role"): .string("admin")])
    static let user: Value = .object([.string("user"): .string("alice"), .string("role"): .string("user")])

    @Test("the trace has Eval/Exit for passing expressions, Fail for the failing one, and the note")
    func trace() throws {
        let (ok, _) = try run(.trace, input: Self.alice)
        let events = ok.trace.filter { $0.location.file == "c.rego" }.map { "\($0.event.rawValue) \($0.location.row)" }
        #expect(events == ["Eval 5", "Exit 5", "Eval 6", "Note 6", "Exit 6", "Eval 7", "Exit 7"])
        let (failing, _) = try run(.trace, input: Self.user)
        #expect(failing.trace.contains { $0.event == .fail && $0.location.row == 7 })
        #expect(!failing.trace.contains { $0.event == .fail && $0.location.row == 5 })
    }

    @Test("coverage marks evaluated rows and leaves the never-evaluated rule uncovered")
    func coverage() throws {
        let (observer, engine) = try run(.coverage, input: Self.alice)
        let report = CoverageReport.json(modules: engine.policy.modules, covered: observer.covered)
        let file = try #require(report[.string("files")]?[.string("c.rego")])
        #expect(file[.string("covered_lines")] == .int(4))
        #expect(file[.string("not_covered_lines")] == .int(2))
        #expect(file[.string("not_covered")]?.jsonString() == #"[{"end":{"row":11},"start":{"row":10}}]"#)
    }

    @Test("the profile counts evaluations per expression")
    func profile() throws {
        let (observer, _) = try run(.profile, input: Self.alice)
        let row5 = try #require(observer.profile.first { $0.location.file == "c.rego" && $0.location.row == 5 })
        #expect(row5.evaluations == 1)
        #expect(row5.solutions == 1)
    }

    @Test("the trace is bounded")
    func bounded() throws {
        let observer = EvalObserver(.trace, traceLimit: 10)
        var engine = try RegoEngine(modules: [(name: "l.rego", source: "package l\nimport rego.v1\nn := count([x | some x in numbers.range(1, 1000); x > 0])\n")])
        engine.options.eval.observer = observer
        _ = try engine.evaluate(query: "data.l.n")
        #expect(observer.trace.count == 10)
        #expect(observer.traceTruncated)
    }
}
