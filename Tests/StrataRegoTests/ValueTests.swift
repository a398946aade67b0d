import BigInt
import Testing
import StrataRego
import StrataRegoAST

@Suite("Value model")
struct ValueTests {
    @Test("OPA's total order across types", arguments: [
        ("null", "false"), ("false", "true"), ("true", "0"), ("1", "1.5"), ("99", "\"a\""), ("\"a\"", "\"b\""),
        ("\"b\"", "[]"), ("[1]", "[1, 2]"), ("[2]", "{}"), ("{}", "set()"), ("{\"a\": 1}", "{\"a\": 2}"), ("{1}", "{1, 2}"),
    ])
    func ordering(lhs: String, rhs: String) throws {
        let a = try RegoEngine.parseValue(lhs), b = try RegoEngine.parseValue(rhs)
        #expect(a < b)
        #expect(!(b < a))
    }

    @Test("integers stay exact, including huge literals")
    func exactIntegers() throws {
        let big = try RegoEngine.parseJSON("1e400")
        #expect(big == .number(.int(BigInt(10).power(400))))
        #expect(big.jsonString() == "1e400", "a parsed number prints as written, as in OPA")
        #expect(try Value.number(RegoNumber(literal: "1e400")!).jsonString() == "1" + String(repeating: "0", count: 400))
        let digits = try RegoEngine.parseJSON("123456789012345678901234567890")
        #expect(digits.jsonString() == "123456789012345678901234567890")
        #expect(try RegoEngine.parseJSON("1.0") == .int(1))
        #expect(try RegoEngine.parseJSON("0.5").jsonString() == "0.5")
    }

    @Test("computed floats print like Go's encoding/json; parsed ones as written", arguments: [
        ("0.00001", "0.00001"), ("1e-7", "1e-07"), ("123.5", "123.5"), ("-0.5", "-0.5"), ("1.25e-10", "1.25e-10"), ("2.5e-3", "0.0025"),
    ])
    func floats(literal: String, want: String) throws {
        #expect(try Value.number(RegoNumber(literal: literal)!).jsonString() == want)
        #expect(try RegoEngine.parseJSON(literal).jsonString() == literal)
    }

    @Test("JSON output sorts object keys and turns sets into sorted arrays")
    func jsonOutput() throws {
        let v = try RegoEngine.parseValue(#"{"b": {3, 1, 2}, "a": [true, null]}"#)
        #expect(v.jsonString() == #"{"a":[true,null],"b":[1,2,3]}"#)
    }

    @Test("JSON reader rejects malformed input", arguments: ["", "{", "[1,]", "01", "\"\\x\"", "[" + String(repeating: "[", count: 5000)])
    func malformedJSON(text: String) {
        #expect(throws: RegoError.self) { try RegoEngine.parseJSON(text) }
    }

    @Test("string escapes round-trip")
    func escapes() throws {
        let v = try RegoEngine.parseJSON(#""a\u00e9\n\"\ud83d\ude00""#)
        #expect(v == .string("aé\n\"😀"))
        #expect(v.jsonString() == "\"aé\\n\\\"😀\"")
    }
}

@Suite("Data documents")
struct DataMergeTests {
    @Test("data files merge deeply; conflicts are reported")
    func merge() throws {
        let a = try RegoEngine.parseJSON(#"{"x": {"a": 1}, "y": 2}"#)
        let b = Value.nested(try RegoEngine.parseJSON(#"{"b": 2}"#), under: ["x"])
        #expect(a.merging(b)?.jsonString() == #"{"x":{"a":1,"b":2},"y":2}"#)
        #expect(a.merging(try RegoEngine.parseJSON(#"{"y": 3}"#)) == nil)
    }
}
