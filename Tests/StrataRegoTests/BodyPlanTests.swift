import Testing
import StrataRegoAST
@testable import StrataRego

/// Planned body orders (`BodyPlan`) must give exactly what the step-by-step choice gives, including
/// errors, for bodies whose order depends on what is bound when they start.
@Suite("Body plans")
struct BodyPlanTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let module: String
        let query: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "binding flows backwards", module: "p := x if { x = y; y = 1 }", query: "data.t.p"),
        Case(name: "comprehension waits for an outer binding",
             module: "p := c if { c := [v | v := xs[_]; v > n]; n := 1; xs := [0, 1, 2, 3] }", query: "data.t.p"),
        Case(name: "function arguments bound on entry",
             module: "f(a) := b if { b := c + 1; c := a * 2 }\np := [f(1), f(5)]", query: "data.t.p"),
        Case(name: "same comprehension entered with different outer bindings",
             module: "g(s) := {x | some x in s; x != m; m := 2}\np := [g([1, 2, 3]), g([2])]", query: "data.t.p"),
        Case(name: "negation waits for the variable it shares",
             module: "p contains x if { not bad[x]; x := input.items[_] }\nbad contains 2", query: "data.t.p"),
        Case(name: "some re-declares", module: "p contains [i, y] if { some i; y := input.items[i]; some j; input.items[j] > y }",
             query: "data.t.p"),
        Case(name: "every with outer bindings",
             module: "p if { every x in input.items { x < lim } ; lim := 10 }", query: "data.t.p"),
        Case(name: "unsafe variable reported", module: "p if { x > 1 }", query: "data.t.p"),
        Case(name: "object pattern binds late",
             module: "p := [a, b] if { {\"a\": a, \"b\": b} = o; o := {\"a\": 1, \"b\": input.items[0]} }", query: "data.t.p"),
        Case(name: "large object iterated by several rules",
             module: (0..<4).map { "r\($0) := [k | input.big[k]; endswith(k, \"\($0)\")]" }.joined(separator: "\n"),
             query: "[data.t.r0, data.t.r1, data.t.r2, data.t.r3]"),
    ]

    static let input: Value = {
        var big: [Value: Value] = [:]
        for i in 0..<40 { big[.string("k\(i * 7 % 40)")] = .int(i) }
        return .object([.string("items"): .array([.int(3), .int(1), .int(2)]), .string("big"): .object(big)])
    }()

    @Test("planned and step-by-step orders agree", arguments: cases)
    func agree(_ c: Case) throws {
        let module = "package t\nimport rego.v1\n" + c.module
        let outcome: (Bool) -> String = { planned in
            do {
                let engine = try RegoEngine(modules: [("t.rego", module)])
                // Twice with the same engine: the second run uses the plans the first one cached.
                _ = try engine.evaluate(query: c.query, input: BodyPlanTests.input, planned: planned)
                return ResultRenderer.json(try engine.evaluate(query: c.query, input: BodyPlanTests.input, planned: planned))
            } catch let error as RegoError {
                return ResultRenderer.json([error])
            } catch {
                return "\(error)"
            }
        }
        let planned = outcome(true), stepwise = outcome(false)
        #expect(planned == stepwise)
        #expect(!planned.isEmpty)
    }

    @Test("large objects iterate in sorted key order every time")
    func sortedTwice() throws {
        let engine = try RegoEngine(modules: [("t.rego", "package t\nimport rego.v1\nks := [k | input.big[k]]\nks2 := [k | input.big[k]]")])
        let out = try engine.evaluate(query: "[data.t.ks, data.t.ks2]", input: BodyPlanTests.input)
        guard case .array(let both)? = out.results.first?.expressions.first?.value, both.count == 2,
              case .array(let keys) = both[0] else {
            Issue.record("no result")
            return
        }
        #expect(both[0] == both[1])
        #expect(keys.count == 40)
        #expect(keys == keys.sorted())
    }
}
