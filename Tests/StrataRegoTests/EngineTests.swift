import Testing
import StrataRego
import StrataRegoAST

@Suite("Engine")
struct EngineTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var module: String
        var query: String
        var want: String   // JSON of binding x, or "undefined"
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "reordering", module: "p := y if { x = y; y = 1 }", query: "x = data.t.p", want: "1"),
        Case(name: "partial set", module: "s contains x if some x in [3, 1, 3]", query: "x = data.t.s", want: "[1,3]"),
        Case(name: "partial object", module: "o[k] := v if some k, v in {\"a\": 1}", query: "x = data.t.o", want: #"{"a":1}"#),
        Case(name: "else chain", module: "f(x) := \"big\" if x > 10 else := \"small\"", query: "x = data.t.f(3)", want: "\"small\""),
        Case(name: "default", module: "default allow := false\nallow if input.admin", query: "x = data.t.allow", want: "false"),
        Case(name: "every", module: "ok if every v in [1, 2] { v > 0 }", query: "x = data.t.ok", want: "true"),
        Case(name: "not", module: "ok if not 1 == 2", query: "x = data.t.ok", want: "true"),
        Case(name: "not with an undefined ref key", module: "s := set()\nok if not s[input.missing]", query: "x = data.t.ok",
             want: "undefined"),
        Case(name: "not with a defined ref key", module: "s := {1}\nok if not s[input.v]", query: "x = data.t.ok with input.v as 2",
             want: "true"),
        Case(name: "with input", module: "p := input.v", query: "x = data.t.p with input.v as 7", want: "7"),
        Case(name: "with data", module: "p := data.cfg.n", query: "x = data.t.p with data.cfg.n as 9", want: "9"),
        Case(name: "with function mock", module: "p := count([1])", query: "x = data.t.p with count as 42", want: "42"),
        Case(name: "comprehensions", module: "p := {k: v | some k in [\"a\"]; v := upper(k)}", query: "x = data.t.p", want: #"{"a":"A"}"#),
        Case(name: "ref heads", module: "a.b.c := 1\na.b.d contains 2", query: "x = data.t.a", want: #"{"b":{"c":1,"d":[2]}}"#),
        Case(name: "multi-value ref head with vars", module: "a[k] contains v if { some k, v in {\"x\": 1, \"y\": 2} }",
             query: "x = data.t.a", want: #"{"x":[1],"y":[2]}"#),
        Case(name: "big integers", module: "p := 10000000000000000000000 * 3", query: "x = data.t.p", want: "30000000000000000000000"),
        Case(name: "undefined", module: "p if false", query: "x = data.t.p", want: "undefined"),
        Case(name: "sprintf", module: "p := sprintf(\"%s=%d %v\", [\"a\", 5, [1]])", query: "x = data.t.p", want: "\"a=5 [1]\""),
    ]

    @Test("evaluation", arguments: cases)
    func evaluation(c: Case) throws {
        let engine = try RegoEngine(modules: [("t.rego", "package t\n" + c.module)])
        let out = try engine.evaluate(query: c.query)
        if c.want == "undefined" {
            #expect(out.results.isEmpty)
        } else {
            #expect(out.results.first?.bindings["x"]?.jsonString() == c.want)
        }
    }

    @Test("errors have stable codes", arguments: [
        ("p := 1\np := 2", "data.t.p", RegoError.Code.evalConflict),
        ("p := x if { x := [1, 2][_] }", "data.t.p", .evalConflict),
        ("p := q\nq := p", "data.t.p", .recursion),
        ("f(x) := f(x)\nunused := 1", "data.t.unused", .recursion),
        ("p contains x if { some x in data.t.p }", "data.t.p", .recursion),
        ("p := count(1, 2, 3)", "data.t.p", .type),
        ("p := nope(1)", "data.t.p", .type),
        ("p := {\"a\": 1} | {\"b\": 2}", "data.t.p", .type),
        ("p if { startswith(1, \"a\") }", "data.t.p", .type),
        ("p if { x }", "data.t.p", .unsafeVar),
        ("q := 1\nunused if { y > 1 }", "data.t.q", .unsafeVar),
        ("q := 1\nunused contains x if { true }", "data.t.q", .unsafeVar),
    ])
    func errors(module: String, query: String, code: RegoError.Code) {
        do {
            let engine = try RegoEngine(modules: [("t.rego", "package t\n" + module)])
            _ = try engine.evaluate(query: query)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }

    @Test("strict builtin errors")
    func strict() throws {
        let src = [("t.rego", "package t\np := 1 / 0")]
        #expect(try RegoEngine(modules: src).evaluate(query: "data.t.p").results.isEmpty)
        #expect(throws: RegoError.self) {
            try RegoEngine(modules: src, options: .init(strictBuiltinErrors: true)).evaluate(query: "data.t.p")
        }
    }

    @Test("step limit cancels evaluation")
    func stepLimit() throws {
        var options = RegoEngine.Options()
        options.eval.maxSteps = 1_000
        let engine = try RegoEngine(modules: [("t.rego", "package t\np := [x | some x in numbers.range(1, 100000); x > 0]")], options: options)
        do {
            _ = try engine.evaluate(query: "data.t.p")
            Issue.record("expected eval_cancel_error")
        } catch {
            #expect(error.code == .evalCancel)
        }
    }

    @Test("deep rule chains and deeply nested values do not exhaust the stack")
    func deep() throws {
        let chain = (0..<3_000).map { "p\($0) := p\($0 + 1)" }.joined(separator: "\n") + "\np3000 := 7"
        let engine = try RegoEngine(modules: [("t.rego", "package t\n" + chain)])
        #expect(try engine.evaluate(query: "data.t.p0").results.first?.expressions.first?.value == .int(7))
        let nested = String(repeating: "[", count: 900) + String(repeating: "]", count: 900)
        let walked = try RegoEngine(modules: []).evaluate(query: "x := count([p | walk(input, [p, _])])", input: try RegoEngine.parseJSON(nested))
        #expect(walked.results.first?.bindings["x"] == .int(900))
    }

    @Test("custom builtins can be registered")
    func customBuiltin() throws {
        let shout = Builtin.unary("strata.shout") { v in .string((v.stringValue ?? "") + "!") }
        var options = RegoEngine.Options()
        options.builtins = BuiltinRegistry.standard.adding([shout])
        let engine = try RegoEngine(modules: [("t.rego", "package t\np := strata.shout(\"hi\")")], options: options)
        #expect(try engine.evaluate(query: "data.t.p").results.first?.expressions.first?.value == .string("hi!"))
    }

    @Test("print output is collected")
    func printing() throws {
        let engine = try RegoEngine(modules: [("t.rego", "package t\np if { print(\"v\", 1, input.missing) }")])
        let out = try engine.evaluate(query: "data.t.p")
        #expect(out.printed == ["v 1 <undefined>"])
    }
}
