import Testing
import StrataRego
import StrataRegoAST

/// Bodies OPA v1.20.2's type checker rejects or accepts (each answer checked with the OPA oracle).
@Suite("Type inference: undefined refs and match errors")
struct TypeInferenceTests {
    @Test("rejected like OPA", arguments: [
        ("[1][1]", "undefined ref: [1][1]"),
        ("[1][-1]", "undefined ref: [1][-1]"),
        ("[1][\"a\"]", "undefined ref: [1].a"),
        ("{\"a\": 1}[\"b\"]", "undefined ref: {\"a\": 1}.b"),
        ("x := [1]; x[1]", "undefined ref: x[1]"),
        ("[[1]][0][1]", "undefined ref: [[1]][0][1]"),
        ("x := {\"a\": [1]}; x.a[1]", "undefined ref: x.a[1]"),
        ("x := \"abc\"; x[0]", "undefined ref: x[0]"),
        ("not [1][1]", "undefined ref: [1][1]"),
        ("[y | y := [1][1]]", "undefined ref: [1][1]"),
        ("1 == \"a\"", "match error"),
        ("1 = \"a\"", "match error"),
        ("[1] == [1, 2]", "match error"),
        ("{1} == {\"a\"}", "match error"),
        ("{1} == [1]", "match error"),
        ("x := 1; x == \"a\"", "match error"),
        ("{\"a\": 1} == {\"a\": \"b\"}", "match error"),
        ("{\"a\": 1} == {\"b\": 1}", "match error"),
        ("true == {1}", "match error"),
        ("count([]) == \"a\"", "match error"),
        ("[1] == split(\"a\", \",\")", "match error"),
        ("x := [1]; some i; x[i] == \"a\"", "match error"),
        ("not 1 == \"a\"", "match error"),
        ("{0} == {1} == {5}", "match error"),
    ])
    func rejected(body: String, message: String) {
        do {
            _ = try RegoEngine(modules: [(name: "m.rego", source: "package m\np if { \(body) }\n")])
            Issue.record("compiled: \(body)")
        } catch {
            #expect(error.code == .type)
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test("accepted like OPA", arguments: [
        "{1}[2]", "[1, 2][1]", "1 != \"a\"", "x := input.y; x == 1", "[1][input.i]", "{1, \"a\"} == {\"b\"}",
        "{\"a\": 1} == {k: 1 | some k in [\"a\"]}", "[1] == [x | x := 1]", "x := [1, 2]; x[1] == 2", "input.a == [1]",
        "[1, 2] = [a, b]", "{\"a\": 1} == {\"a\": input.x}", "x := {\"a\": {\"b\": 2}}; x.a.b == 2", "[1] == sort([1])",
        "[][0]", "x := []; x[0]", "{}[\"a\"]", "[] == [1]", "{} == {\"a\": 1}", "set() == {1}", "x := {}; x.a", "[1, []][1][0]",
        "every i in [1] { [4, 3][3] > i }", "every i in [1] { (i == 1) == -1 }",
    ])
    func accepted(body: String) throws {
        _ = try RegoEngine(modules: [(name: "m.rego", source: "package m\np if { \(body) }\n")])
    }
}
