import Testing
@testable import StrataRego
import StrataRegoAST

/// Expected strings are OPA v1.20.2's (`../shared/tools/opa-oracle/opa_oracle.py`).
@Suite("json.marshal_with_options")
struct JSONMarshalOptionsTests {
    static let doc = #"{"a": [1, 2], "b": {"c": "x"}}"#

    @Test("layouts match OPA", arguments: [
        (doc, "{}", #"{"a":[1,2],"b":{"c":"x"}}"#),
        (doc, #"{"pretty": true}"#, "{\n\t\"a\": [\n\t\t1,\n\t\t2\n\t],\n\t\"b\": {\n\t\t\"c\": \"x\"\n\t}\n}"),
        (doc, #"{"pretty": false}"#, #"{"a":[1,2],"b":{"c":"x"}}"#),
        (doc, #"{"indent": "  "}"#, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": \"x\"\n  }\n}"),
        (doc, #"{"prefix": "> "}"#, "> {\n> \t\"a\": [\n> \t\t1,\n> \t\t2\n> \t],\n> \t\"b\": {\n> \t\t\"c\": \"x\"\n> \t}\n> }"),
        (doc, #"{"prefix": "> ", "indent": "--"}"#, "> {\n> --\"a\": [\n> ----1,\n> ----2\n> --],\n> --\"b\": {\n> ----\"c\": \"x\"\n> --}\n> }"),
        (doc, #"{"prefix": "> ", "pretty": false}"#, #"{"a":[1,2],"b":{"c":"x"}}"#),
        (#"{"a": [], "b": {}, "c": set()}"#, #"{"pretty": true}"#, "{\n\t\"a\": [],\n\t\"b\": {},\n\t\"c\": []\n}"),
        (#""<a&b>""#, "{}", #""\u003ca\u0026b\u003e""#),
        (#""<a&b>""#, #"{"pretty": true}"#, #""\u003ca\u0026b\u003e""#),
        ("[1, 2.5, null, true]", #"{"indent": " "}"#, "[\n 1,\n 2.5,\n null,\n true\n]"),
        ("{3, 1, 2}", #"{"pretty": true}"#, "[\n\t1,\n\t2,\n\t3\n]"),
        (#""x""#, #"{"indent": ""}"#, #""x""#),
        (#"{"a": 1}"#, #"{"indent": ""}"#, "{\n\"a\": 1\n}"),
        (#"{1: "x"}"#, #"{"pretty": true}"#, "{\n\t\"1\": \"x\"\n}"),
        (#"{"k": [1]}"#, ##"{"pretty": true, "indent": "  ", "prefix": "#"}"##, "#{\n#  \"k\": [\n#    1\n#  ]\n#}"),
        (#"{"k": [1]}"#, #"{"pretty": false, "indent": " "}"#, #"{"k":[1]}"#),
        (#"{"s": "a,b:[c]{\"d\"}"}"#, #"{"pretty": true}"#, "{\n\t\"s\": \"a,b:[c]{\\\"d\\\"}\"\n}"),
    ])
    func layout(value: String, options: String, want: String) throws {
        let got = try HTTPSendTests.eval("json.marshal_with_options(\(value), \(options))", allowNet: false)
        #expect(got == .string(want))
    }

    @Test("bad options are type errors with OPA's messages", arguments: [
        (#"{"foo": true}"#, #"json.marshal_with_options: operand 2 object contained unknown key "foo""#),
        (#"{"pretty": "yes"}"#, #"json.marshal_with_options: operand 2 key "pretty" failed cast to bool"#),
        (#"{"indent": 1}"#, #"json.marshal_with_options: operand 2 key "indent" failed cast to string: operand 0 must be string but got number"#),
        (#"{"prefix": 1}"#, #"json.marshal_with_options: operand 2 key "prefix" failed cast to string: operand 0 must be string but got number"#),
        (#""x""#, "json.marshal_with_options: operand 2 must be object but got string"),
    ])
    func badOptions(options: String, message: String) throws {
        let e = try #require(HTTPSendTests.error("json.marshal_with_options({\"k\": [1]}, \(options))", allowNet: false))
        #expect(e.code == .evalType)
        #expect(e.message == message)
    }
}
