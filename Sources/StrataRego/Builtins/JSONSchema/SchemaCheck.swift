import Foundation
import StrataRegex
import StrataRegoAST

/// Well-formedness of a schema (what gojsonschema refuses to compile), with its messages.
enum SchemaCheck {
    static let schemaMaps = ["properties", "patternProperties", "definitions", "$defs"]
    static let schemaLists = ["allOf", "anyOf", "oneOf"]
    static let singleSchemas = ["additionalProperties", "additionalItems", "not", "contains", "propertyNames", "if", "then", "else"]
    static let numbers = ["minimum", "maximum", "multipleOf"]
    static let counts = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"]

    static func check(_ schema: Value, patterns: inout [String: RE2], depth: Int) throws(BuiltinError) {
        guard depth < JSONSchema.maxDepth else { throw BuiltinError("schema is nested too deeply") }
        if case .bool = schema { return }
        guard case .object(let o) = schema else { throw BuiltinError("Invalid type. Expected: object, given: \(JSONSchema.typeName(schema))") }
        if let t = o[.string("type")] {
            let names: [Value]
            switch t {
            case .string: names = [t]
            case .array(let a): names = a
            default: throw BuiltinError("type must be of a string/array")
            }
            for n in names {
                guard let s = n.stringValue, JSONSchema.typeNames.contains(s) else {
                    let given = n.stringValue ?? n.jsonString()
                    throw BuiltinError("has a primitive type that is NOT VALID -- given: /\(given)/ Expected valid values are:[array boolean integer number null object string]")
                }
            }
        }
        for key in numbers {
            if let v = o[.string(key)], v.numberValue == nil { throw BuiltinError("\(key) must be of a number") }
        }
        if let m = o[.string("multipleOf")]?.numberValue, m.doubleValue <= 0 { throw BuiltinError("multipleOf must be strictly greater than 0") }
        for key in ["exclusiveMinimum", "exclusiveMaximum"] {
            if let v = o[.string(key)], v.numberValue == nil, v.boolValue == nil { throw BuiltinError("\(key) must be of a number") }
        }
        for key in counts {
            guard let v = o[.string(key)] else { continue }
            guard let n = v.numberValue, JSONSchema.isInteger(n), n.doubleValue >= 0 else {
                throw BuiltinError("\(key) must be greater than or equal to 0")
            }
        }
        if let r = o[.string("required")] {
            guard case .array(let a) = r, a.allSatisfy({ $0.stringValue != nil }) else { throw BuiltinError("required must be of an array") }
        }
        if let e = o[.string("enum")], case .array = e {} else if o[.string("enum")] != nil { throw BuiltinError("enum must be of an array") }
        if let r = o[.string("$ref")], r.stringValue == nil { throw BuiltinError("$ref must be of a string") }
        if let p = o[.string("pattern")] {
            guard let s = p.stringValue else { throw BuiltinError("pattern must be of a string") }
            try compile(s, into: &patterns)
        }
        for key in schemaMaps {
            guard let v = o[.string(key)] else { continue }
            guard case .object(let m) = v else { throw BuiltinError("\(key) must be of an object") }
            for (name, sub) in m {
                if key == "patternProperties", let s = name.stringValue { try compile(s, into: &patterns) }
                try check(sub, patterns: &patterns, depth: depth + 1)
            }
        }
        for key in schemaLists {
            guard let v = o[.string(key)] else { continue }
            guard case .array(let list) = v, !list.isEmpty else { throw BuiltinError("\(key) must be of an array") }
            for sub in list { try check(sub, patterns: &patterns, depth: depth + 1) }
        }
        for key in singleSchemas {
            if let v = o[.string(key)] { try check(v, patterns: &patterns, depth: depth + 1) }
        }
        if let items = o[.string("items")] {
            if case .array(let list) = items {
                for sub in list { try check(sub, patterns: &patterns, depth: depth + 1) }
            } else {
                try check(items, patterns: &patterns, depth: depth + 1)
            }
        }
        if case .object(let deps)? = o[.string("dependencies")] {
            for (_, d) in deps where d.stringValue == nil {
                if case .array = d { continue }
                try check(d, patterns: &patterns, depth: depth + 1)
            }
        }
    }

    static func compile(_ pattern: String, into patterns: inout [String: RE2]) throws(BuiltinError) {
        guard patterns[pattern] == nil else { return }
        guard let re = try? RE2(pattern) else { throw BuiltinError("Invalid regex pattern '\(pattern)'") }
        patterns[pattern] = re
    }
}
