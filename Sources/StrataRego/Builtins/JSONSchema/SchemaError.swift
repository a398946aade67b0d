import StrataRegoAST

/// One validation failure, shaped like gojsonschema's result errors: `field` is the instance path
/// (`(root)` at the top, then names and indexes joined by dots).
struct SchemaError: Sendable {
    var type: String
    var field: String
    var description: String

    var value: Value {
        .object([
            .string("error"): .string("\(field): \(description)"), .string("type"): .string(type),
            .string("field"): .string(field), .string("desc"): .string(description),
        ])
    }

    /// The instance path as gojsonschema prints it: children of the root lose the `(root).` prefix.
    static func field(_ path: [String]) -> String { path.isEmpty ? "(root)" : path.joined(separator: ".") }
}
