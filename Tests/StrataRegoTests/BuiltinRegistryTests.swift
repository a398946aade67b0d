import Testing
@testable import StrataRego
import StrataRegoAST

@Suite("Builtin registry")
struct BuiltinRegistryTests {
    @Test("every builtin is listed once, under its Rego name")
    func uniqueNames() {
        let all = BuiltinRegistry.families.flatMap { $0 }
        var seen = Set<String>()
        for b in all {
            #expect(seen.insert(b.name).inserted, "\(b.name) is declared twice")
            #expect(!b.name.isEmpty && b.arity >= -1)
        }
        #expect(BuiltinRegistry.standard.table.count == all.count)
        #expect(all.count >= 150)
    }

    @Test("a sample of each family answers like OPA", arguments: [
        ("count({1, 2})", "2"), ("sum([1, 2.5])", "3.5"), ("concat(\"-\", [\"a\", \"b\"])", "\"a-b\""),
        ("object.get({\"a\": {\"b\": 1}}, [\"a\", \"b\"], 0)", "1"), ("regex.match(\"^a+$\", \"aaa\")", "true"),
        ("glob.match(\"*.example.com\", [\".\"], \"api.example.com\")", "true"), ("base64.decode(\"aGk=\")", "\"hi\""),
        ("units.parse_bytes(\"1KiB\")", "1024"), ("time.parse_rfc3339_ns(\"1970-01-01T00:00:01Z\")", "1000000000"),
        ("net.cidr_contains(\"10.0.0.0/8\", \"10.1.2.3\")", "true"), ("semver.compare(\"1.2.3\", \"1.10.0\")", "-1"),
        ("crypto.sha256(\"abc\")", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""),
        ("json.patch({\"a\": 1}, [{\"op\": \"add\", \"path\": \"/b\", \"value\": 2}])", #"{"a":1,"b":2}"#),
        ("graph.reachable({\"a\": [\"b\"], \"b\": []}, [\"a\"])", #"["a","b"]"#), ("bits.lsh(1, 70)", "1180591620717411303424"),
        ("sprintf(\"%05.1f|%x|%q\", [3.14159, 255, \"s\"])", "\"003.1|ff|\\\"s\\\"\""),
        ("strings.render_template(\"{{range $i, $n := .xs}}{{if $i}},{{end}}{{$n}}{{end}} {{.missing}}\", {\"xs\": [\"a\", \"b\"]})",
         "\"a,b <undefined>\""),
        ("0.1 + 0.2", "0.3"), ("1 / 3", "0.3333333333333333"), ("upper(\"straße\")", "\"STRAßE\""),
        ("semver.is_valid(\"v1.0.0\")", "true"), ("sprintf(\"%s|%s\", [1.5, true])", "\"%!s(float64=1.5)|true\""),
        ("yaml.marshal({\"b\": [1], \"a\": \"x: y\"})", "\"a: 'x: y'\\nb:\\n- 1\\n\""),
    ])
    func samples(expr: String, want: String) throws {
        let out = try RegoEngine(modules: []).evaluate(query: "x := " + expr)
        #expect(out.results.first?.bindings["x"]?.jsonString() == want)
    }
}
