import Testing
import StrataRego
import StrataRegoAST

/// Compile-time errors OPA raises (messages and codes as the OPA oracle printed them for these modules), and
/// near-miss programs that OPA accepts and Strata must accept too.
@Suite("Rego compile errors as in OPA")
struct CompileErrorTests {
    static let rejected: [(String, RegoError.Code, String)] = [
        ("x if { a := 1; a := 2 }", .compile, "var a assigned above"),
        ("x if { a := 1; some a in [1] }", .compile, "var a assigned above"),
        ("x if { [a, a] := [1, 1] }", .compile, "var a assigned above"),
        ("x if { some a; a := 1 }", .compile, "var a declared above"),
        ("x if { a = 1; a := 1 }", .compile, "var a referenced above"),
        ("x if { every a in [1] { a := 2 } }", .compile, "var a declared above"),
        ("f(a) if { a := 1 }", .compile, "arg a redeclared"),
        ("f(a) := b if { some a in [1]; b := 1 }", .compile, "arg a redeclared"),
        ("data = 1", .compile, "rules must not shadow data (use a different rule name)"),
        ("input = 1", .compile, "rules must not shadow input (use a different rule name)"),
        ("x if {\n input := 1\n input > 0\n}", .compile, "variables must not shadow input (use a different variable name)"),
        ("default x := input.a", .parse, "illegal default rule (value cannot contain ref)"),
        ("default x := [y]", .parse, "illegal default rule (value cannot contain var)"),
        ("default x := 1 + 2", .parse, "illegal default rule (value cannot contain call)"),
        ("default x := count([1])", .parse, "illegal default rule (value cannot contain call)"),
        ("x := array.concat([2], [3], [4])", .type, "array.concat: arity mismatch"),
        ("x := count([1], 2) + 1", .type, "count: arity mismatch"),
        ("x if { some _ in null }", .type, "match error"),
        ("p", .parse, "var cannot be used for rule name"),
        ("p.a", .parse, "`contains` keyword is required for partial set rules"),
    ]

    @Test("OPA rejects, Strata rejects with the same code and message", arguments: rejected)
    func rejects(_ body: String, _ code: RegoError.Code, _ message: String) {
        do {
            _ = try RegoEngine(modules: [(name: "t.rego", source: "package test\n" + body)])
            Issue.record("compiled: \(body)")
        } catch {
            #expect(error.code == code)
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    static let accepted: [(String, String)] = [
        ("x := y if { a := 1; y := [a | a := 2] }", #"{"x":[2]}"#),
        ("x := y if { a := 1; y := [a | some a in [2]] }", #"{"x":[2]}"#),
        ("f(x) := y if { y := {x | some x in [x, 2]} }\nz := f(1)", #"{"z":[1,2]}"#),
        ("x if { a := 1 } else := 2 if { a := 3 }", #"{"x":true}"#),
        ("default x := [1 | true]", #"{"x":[1]}"#),
        ("p contains x if { x := 1 }", #"{"p":[1]}"#),
        ("z := [{1} | {2}, 5]", #"{"z":[[1,2],5]}"#),
        ("sum2 (a, b) := a + b\nz := sum2(1, 2)", #"{"z":3}"#),
    ]

    @Test("OPA accepts, Strata accepts and agrees", arguments: accepted)
    func accepts(_ body: String, _ json: String) throws {
        let engine = try RegoEngine(modules: [(name: "t.rego", source: "package test\n" + body)])
        let out = try engine.evaluate(query: "data.test")
        #expect(out.results.first?.expressions.first?.value.jsonString() == json)
    }

    @Test("a one-expression query reports false; a longer one is undefined")
    func falseQueries() throws {
        let engine = try RegoEngine(modules: [])
        #expect(try engine.evaluate(query: "1 == 2").results.first?.expressions.first?.value == .false)
        #expect(try engine.evaluate(query: "x := 1; x > 2").results.isEmpty)
    }

    @Test("a package without rules is an empty document")
    func emptyPackage() throws {
        let engine = try RegoEngine(modules: [(name: "t.rego", source: "package test\nimport rego.v1\n")])
        #expect(try engine.evaluate(query: "data.test").results.first?.expressions.first?.value == .emptyObject)
    }
}
