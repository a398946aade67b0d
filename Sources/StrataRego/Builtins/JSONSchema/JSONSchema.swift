import Foundation
import StrataRegex
import StrataRegoAST

/// A compiled JSON Schema (drafts 4/6/7): the root is checked once for well-formedness, then
/// documents are validated against it. Only local `$ref`s (`#`, `#/definitions/...`) resolve.
struct JSONSchema {
    let root: Value
    /// Compiled `pattern` / `patternProperties` expressions, by source.
    let patterns: [String: RE2]

    static let typeNames = ["array", "boolean", "integer", "number", "null", "object", "string"]
    static let maxDepth = 256

    init(_ root: Value) throws(BuiltinError) {
        self.root = root
        var patterns: [String: RE2] = [:]
        try SchemaCheck.check(root, patterns: &patterns, depth: 0)
        self.patterns = patterns
    }

    func validate(_ document: Value) throws(BuiltinError) -> [SchemaError] {
        var run = SchemaRun(schema: self)
        try run.validate(document, against: root, path: [], depth: 0)
        return run.errors
    }

    /// A local JSON pointer (`#/definitions/a`), with `~0`/`~1` and percent escapes.
    func resolve(_ ref: String) throws(BuiltinError) -> Value {
        guard ref.hasPrefix("#") else { throw BuiltinError("remote references are not supported: \(ref)") }
        var node = root
        let pointer = ref.dropFirst()
        guard !pointer.isEmpty else { return node }
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = (String(raw).removingPercentEncoding ?? String(raw)).replacingOccurrences(of: "~1", with: "/")
                .replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let o) where o[.string(token)] != nil: node = o[.string(token)]!
            case .array(let a) where Int(token).map({ a.indices.contains($0) }) == true: node = a[Int(token)!]
            default: throw BuiltinError("Object has no key '\(token)'")
            }
        }
        return node
    }

    /// gojsonschema's type name of an instance (whole numbers are integers).
    static func typeName(_ v: Value) -> String {
        switch v {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): isInteger(n) ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        default: "object"
        }
    }

    static func isInteger(_ n: RegoNumber) -> Bool {
        if n.isInteger { return true }
        let d = n.doubleValue
        return d.isFinite && d == d.rounded()
    }
}
