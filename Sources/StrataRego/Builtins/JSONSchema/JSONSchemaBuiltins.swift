import StrataRegoAST

/// `json.verify_schema` and `json.match_schema`: JSON Schema drafts 4, 6 and 7, with the result shapes
/// and messages of OPA (which uses gojsonschema). Remote `$ref`s are never fetched.
enum JSONSchemaBuiltins {
    static let builtins: [Builtin] = [
        .unary("json.verify_schema") { (s) throws(BuiltinError) in
            do throws(BuiltinError) {
                _ = try JSONSchema(try load(s))
                return .array([.true, .null])
            } catch {
                return .array([.false, .string("jsonschema: " + error.message)])
            }
        },
        .binary("json.match_schema") { (d, s) throws(BuiltinError) in
            let document = try load(d)
            let schema = try JSONSchema(try load(s))
            let errors = try schema.validate(document)
            return .array([.bool(errors.isEmpty), .array(errors.map(\.value))])
        },
    ]

    /// A schema or document: an object or array as is, or a string holding JSON.
    static func load(_ v: Value) throws(BuiltinError) -> Value {
        switch v {
        case .object, .array: return v
        case .string(let text):
            do { return try JSONReader.parse(text) } catch { throw BuiltinError("invalid JSON string") }
        default: throw BuiltinError("wrong type, expected string or object")
        }
    }
}
