import Testing
import StrataRego
import StrataRegoAST

@Suite("opa eval --format json rendering")
struct RendererTests {
    @Test("result with bindings")
    func result() {
        let json = RegoEngine.evalJSON(modules: [("p.rego", "package p\nallow := {\"b\": {1}, \"a\": true}")], query: "x := data.p.allow")
        let want = """
        {
          "result": [
            {
              "expressions": [
                {
                  "value": true,
                  "text": "x := data.p.allow",
                  "location": {
                    "row": 1,
                    "col": 1
                  }
                }
              ],
              "bindings": {
                "x": {
                  "a": true,
                  "b": [
                    1
                  ]
                }
              }
            }
          ]
        }
        """
        #expect(json == want)
    }

    @Test("HTML characters are escaped as Go does")
    func htmlEscape() {
        let json = RegoEngine.evalJSON(modules: [], query: "x := \"<a&b>\"")
        #expect(json.contains(#""x": "\u003ca\u0026b\u003e""#))
    }

    @Test("undefined is an empty object")
    func undefined() {
        #expect(RegoEngine.evalJSON(modules: [("p.rego", "package p\nq if false")], query: "data.p.q") == "{}")
    }

    @Test("errors carry code, message and location")
    func errors() {
        let json = RegoEngine.evalJSON(modules: [("p.rego", "package p\nq := 1\nq := 2")], query: "data.p.q")
        #expect(json.contains("\"code\": \"eval_conflict_error\""))
        #expect(json.contains("\"file\": \"p.rego\""))
        #expect(json.hasPrefix("{\n  \"errors\": ["))
    }
}
