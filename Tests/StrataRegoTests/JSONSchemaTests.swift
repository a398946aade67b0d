import Testing
import StrataRego
import StrataRegoAST

/// `json.match_schema` / `json.verify_schema`: keywords of drafts 4–7, gojsonschema's error shape,
/// and schemas or documents that must fail cleanly.
@Suite("JSON Schema builtins")
struct JSONSchemaTests {
    @Test("keywords", arguments: [
        (#"{"type": "string", "minLength": 2}"#, #""a""#, "(root): String length must be greater than or equal to 2"),
        (#"{"type": ["string", "null"]}"#, "5", "(root): Invalid type. Expected: [string,null], given: integer"),
        (#"{"type": "number"}"#, "5", nil),
        (#"{"type": "integer"}"#, "5.5", "(root): Invalid type. Expected: integer, given: number"),
        (#"{"required": ["a", "b"]}"#, #"{"a": 1}"#, "(root): b is required"),
        (#"{"properties": {"a": {"enum": [1, "x"]}}}"#, #"{"a": 2}"#, #"a: a must be one of the following: 1, "x""#),
        (#"{"additionalProperties": false, "properties": {"a": {}}}"#, #"{"a": 1, "b": 2}"#, "(root): Additional property b is not allowed"),
        (#"{"items": {"type": "integer"}}"#, #"[1, "two"]"#, "1: Invalid type. Expected: integer, given: string"),
        (#"{"properties": {"l": {"items": {"maximum": 3}}}}"#, #"{"l": [1, 4]}"#, "l.1: Must be less than or equal to 3"),
        (#"{"minimum": 1, "exclusiveMinimum": true}"#, "1", "(root): Must be greater than 1"),
        (#"{"exclusiveMaximum": 10}"#, "10", "(root): Must be less than 10"),
        (#"{"multipleOf": 0.5}"#, "1.5", nil),
        (#"{"multipleOf": 3}"#, "10", "(root): Must be a multiple of 3"),
        (#"{"uniqueItems": true}"#, "[1, 2, 1]", "(root): array items[0,2] must be unique"),
        (#"{"pattern": "^a+$"}"#, #""ab""#, "(root): Does not match pattern '^a+$'"),
        (#"{"anyOf": [{"type": "string"}, {"type": "boolean"}]}"#, "1", "(root): Must validate at least one schema (anyOf)"),
        (#"{"oneOf": [{"minimum": 0}, {"maximum": 10}]}"#, "5", "(root): Must validate one and only one schema (oneOf)"),
        (#"{"not": {"type": "null"}}"#, "null", "(root): Must not validate the schema (not)"),
        (#"{"const": {"a": [1]}}"#, #"{"a": [1.0]}"#, nil),
        (##"{"definitions": {"pos": {"minimum": 0}}, "properties": {"n": {"$ref": "#/definitions/pos"}}}"##, #"{"n": -1}"#,
         "n: Must be greater than or equal to 0"),
        (#"{"if": {"minimum": 10}, "then": {"multipleOf": 10}}"#, "15", "(root): Must be a multiple of 10"),
        (#"{"contains": {"type": "string"}}"#, "[1, 2]", "(root): At least one of the items must match"),
        (#"{"dependencies": {"a": ["b"]}}"#, #"{"a": 1}"#, "(root): Has a dependency on b"),
        (#"{"propertyNames": {"maxLength": 2}}"#, #"{"abc": 1}"#, #"(root): Property name of "abc" does not match"#),
        (#"{"maxProperties": 1}"#, #"{"a": 1, "b": 2}"#, "(root): Must have at most 1 properties"),
        ("false", "1", "(root): False always fails validation"),
        ("true", "1", nil),
    ] as [(String, String, String?)])
    func keywords(schema: String, document: String, firstError: String?) throws {
        let result = try #require(try CryptoEval.eval("json.match_schema(input.d, input.s)", input: ["d": .string(document), "s": .string(schema)]))
        let errors = result[.int(1)]
        #expect(result[.int(0)] == .bool(firstError == nil), "\(result.jsonString())")
        if let firstError {
            if case .array(let list)? = errors {
                #expect(list.first?[.string("error")] == .string(firstError), "\(result.jsonString())")
            } else {
                Issue.record("errors are not an array: \(result.jsonString())")
            }
        }
    }

    @Test("invalid schemas and documents", arguments: [
        (#"json.verify_schema({"type": "wat"})"#, #"[false,"jsonschema: has a primitive type that is NOT VALID -- given: /wat/ Expected valid values are:[array boolean integer number null object string]"]"#),
        (#"json.verify_schema({"type": "string"})"#, "[true,null]"),
        (#"json.verify_schema("{not json")"#, #"[false,"jsonschema: invalid JSON string"]"#),
        (#"json.verify_schema({"pattern": "("})"#, #"[false,"jsonschema: Invalid regex pattern '('"]"#),
        (#"json.verify_schema({"minLength": -1})"#, #"[false,"jsonschema: minLength must be greater than or equal to 0"]"#),
    ])
    func schemas(expr: String, want: String) throws {
        #expect(try CryptoEval.eval(expr)?.jsonString() == want)
    }

    @Test("hostile input is an error, not a crash", arguments: [
        ("json.match_schema(input.d, {\"$ref\": \"#\"})", "nested too deeply"),
        ("json.match_schema(1, {})", "wrong type, expected string or object"),
        // Each definition refers twice to the next: 2^40 paths unless validation is bounded.
        ("json.match_schema(\"1\", input.exponential)", "schema validation takes too many steps"),
        ("json.match_schema({}, {\"$ref\": \"http://example.com/s.json\"})", "remote references are not supported"),
        ("json.match_schema({}, {\"$ref\": \"#/definitions/missing\"})", "Object has no key 'definitions'"),
    ])
    func hostile(expr: String, message: String) throws {
        var definitions: [Value: Value] = [.string("d40"): .object([.string("type"): .string("string")])]
        for i in 0..<40 {
            let next = Value.object([.string("$ref"): .string("#/definitions/d\(i + 1)")])
            definitions[.string("d\(i)")] = .object([.string("anyOf"): .array([next, next])])
        }
        let exponential = Value.object([.string("definitions"): .object(definitions), .string("$ref"): .string("#/definitions/d0")])
        let error = CryptoEval.error(expr, input: ["d": .object([:]), "exponential": exponential])
        #expect(error?.contains(message) == true, "\(String(describing: error))")
    }
}
