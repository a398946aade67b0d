import Testing
import StrataRego
import StrataRegoAST

@Suite("Parser")
struct ParserTests {
    static let hostileInputs: [String: String] = [
        "100k nested arrays": "package p\nx := " + String(repeating: "[", count: 100_000),
        "100k nested parens": "package p\nx := " + String(repeating: "(", count: 100_000) + "1",
        "100k nested bodies": "package p\np if " + String(repeating: "{ x := [y | ", count: 100_000),
        "unterminated body": "package p\np if { not not {",
        "unterminated string": "package p\nx := \"unterminated",
        "unterminated raw string": "package p\nx := `raw",
        "bad exponent": "package p\nx := 1e",
        "bare package": "package",
        "empty": "",
        "truncated rule": "package p\np if {",
        "object without value": "package p\nx := {1: }",
        "NUL byte": "package p\n\u{0}",
    ]

    @Test("hostile input ends in a rego_parse_error", arguments: hostileInputs.keys.sorted())
    func hostile(name: String) {
        let source = Self.hostileInputs[name]!
        #expect(throws: RegoError.self) { try RegoEngine(modules: [("h.rego", source)]) }
        do {
            _ = try RegoEngine(modules: [("h.rego", source)])
        } catch {
            #expect(error.code == .parse)
            #expect(error.location?.file == "h.rego")
        }
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("package p\nx := \"".utf8) + [0xC3, 0x28] + Array("\"".utf8)
        #expect(throws: RegoError.self) { try Parser.parseModule(bytes: bytes, file: "bad.rego") }
    }

    @Test("huge numbers parse exactly")
    func hugeNumber() throws {
        let digits = String(repeating: "9", count: 5000)
        let engine = try RegoEngine(modules: [("n.rego", "package p\nx := \(digits)")])
        let out = try engine.evaluate(query: "data.p.x")
        #expect(out.results.first?.expressions.first?.value.jsonString() == digits)
    }

    @Test("errors carry file:row:col")
    func location() {
        do {
            _ = try RegoEngine(modules: [("loc.rego", "package p\n\np if {\n  x := \n}")])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .parse)
            #expect(error.location?.row == 4)
        }
    }

    @Test("v1 requires `if`; v0Compatible accepts old syntax")
    func v0() throws {
        let old = "package p\nimport future.keywords.in\nq[x] { x := [1, 2][_] }\nr[k] = v { v := {\"a\": 1}[k] }\ns { true }"
        #expect(throws: RegoError.self) { try RegoEngine(modules: [("v0.rego", old)]) }
        let engine = try RegoEngine(modules: [("v0.rego", old)], options: .init(v0Compatible: true))
        let out = try engine.evaluate(query: "x := [data.p.q, data.p.r, data.p.s]")
        #expect(out.results.first?.bindings["x"]?.jsonString() == #"[[1,2],{"a":1},true]"#)
    }

    @Test("METADATA annotations attach to the following rule")
    func metadata() throws {
        let src = "package p\n\n# METADATA\n# title: Allow\n# custom:\n#   severity: HIGH\nallow := rego.metadata.rule()\n"
        let engine = try RegoEngine(modules: [("m.rego", src)])
        let out = try engine.evaluate(query: "data.p.allow.custom.severity")
        #expect(out.results.first?.expressions.first?.value == .string("HIGH"))
    }
}
