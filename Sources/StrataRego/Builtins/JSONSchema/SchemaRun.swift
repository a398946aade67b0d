import Foundation
import StrataRegex
import StrataRegoAST

/// One validation of a document: walks schema and instance together and collects errors in
/// gojsonschema's order (type first, then combinators, enum/const, then the type's keywords).
struct SchemaRun {
    /// Steps shared by a run and its probes: `$ref`s can make validation exponential, so it is bounded.
    final class Budget {
        var remaining = 300_000
    }

    let schema: JSONSchema
    let budget: Budget
    var errors: [SchemaError] = []

    init(schema: JSONSchema, budget: Budget = Budget()) {
        self.schema = schema
        self.budget = budget
    }

    mutating func fail(_ type: String, _ path: [String], _ description: String) {
        errors.append(SchemaError(type: type, field: SchemaError.field(path), description: description))
    }

    /// Whether `instance` is valid against `sub`, without recording errors (for anyOf, if, contains...).
    func passes(_ instance: Value, _ sub: Value, _ path: [String], _ depth: Int) throws(BuiltinError) -> Bool {
        var probe = SchemaRun(schema: schema, budget: budget)
        try probe.validate(instance, against: sub, path: path, depth: depth)
        return probe.errors.isEmpty
    }

    mutating func validate(_ instance: Value, against node: Value, path: [String], depth: Int) throws(BuiltinError) {
        guard depth < JSONSchema.maxDepth else { throw BuiltinError("document or schema is nested too deeply") }
        budget.remaining -= 1
        guard budget.remaining > 0 else { throw BuiltinError("schema validation takes too many steps") }
        if case .bool(let b) = node {
            if !b { fail("false", path, "False always fails validation") }
            return
        }
        guard case .object(let s) = node else { return }
        if case .string(let ref)? = s[.string("$ref")] {
            // Before draft 2019-09 a $ref replaces its siblings.
            try validate(instance, against: try schema.resolve(ref), path: path, depth: depth + 1)
            return
        }
        if let t = s[.string("type")] {
            let allowed = (t.stringValue.map { [$0] } ?? t.arrayStrings)
            let given = JSONSchema.typeName(instance)
            let ok = allowed.contains(given) || (given == "integer" && allowed.contains("number"))
            if !ok {
                let expected = allowed.count == 1 ? allowed[0] : "[" + allowed.joined(separator: ",") + "]"
                fail("invalid_type", path, "Invalid type. Expected: \(expected), given: \(given)")
                return
            }
        }
        try combinators(instance, s, path, depth)
        if let e = s[.string("enum")], case .array(let options) = e, !options.contains(where: { SchemaRun.equal($0, instance) }) {
            fail("enum", path, "\(SchemaError.field(path)) must be one of the following: " + options.map { $0.jsonString() }.joined(separator: ", "))
        }
        if let c = s[.string("const")], !SchemaRun.equal(c, instance) {
            fail("const", path, "\(SchemaError.field(path)) does not match: \(c.jsonString())")
        }
        switch instance {
        case .array(let items): try arrayKeywords(items, s, path, depth)
        case .object(let members): try objectKeywords(members, s, path, depth)
        case .string(let text): stringKeywords(text, s, path)
        case .number(let n): numberKeywords(n, s, path)
        default: break
        }
    }

    mutating func combinators(_ instance: Value, _ s: [Value: Value], _ path: [String], _ depth: Int) throws(BuiltinError) {
        if case .array(let list)? = s[.string("allOf")] {
            let before = errors.count
            for sub in list { try validate(instance, against: sub, path: path, depth: depth + 1) }
            if errors.count > before { fail("number_all_of", path, "Must validate all the schemas (allOf)") }
        }
        if case .array(let list)? = s[.string("anyOf")] {
            var any = false
            for sub in list where try passes(instance, sub, path, depth + 1) { any = true; break }
            if !any { fail("number_any_of", path, "Must validate at least one schema (anyOf)") }
        }
        if case .array(let list)? = s[.string("oneOf")] {
            var count = 0
            for sub in list where try passes(instance, sub, path, depth + 1) { count += 1 }
            if count != 1 { fail("number_one_of", path, "Must validate one and only one schema (oneOf)") }
        }
        if let not = s[.string("not")], try passes(instance, not, path, depth + 1) {
            fail("number_not", path, "Must not validate the schema (not)")
        }
        if let condition = s[.string("if")] {
            if try passes(instance, condition, path, depth + 1) {
                let before = errors.count
                if let then = s[.string("then")] { try validate(instance, against: then, path: path, depth: depth + 1) }
                if errors.count > before { fail("condition_then", path, "Must validate \"then\" as \"if\" was valid") }
            } else if let otherwise = s[.string("else")] {
                let before = errors.count
                try validate(instance, against: otherwise, path: path, depth: depth + 1)
                if errors.count > before { fail("condition_else", path, "Must validate \"else\" as \"if\" was not valid") }
            }
        }
    }

    mutating func arrayKeywords(_ items: [Value], _ s: [Value: Value], _ path: [String], _ depth: Int) throws(BuiltinError) {
        if let min = s.countKeyword("minItems"), items.count < min { fail("array_min_items", path, "Array must have at least \(min) items") }
        if let max = s.countKeyword("maxItems"), items.count > max { fail("array_max_items", path, "Array must have at most \(max) items") }
        if s[.string("uniqueItems")] == .true {
            outer: for i in items.indices {
                for j in items.indices where j > i && SchemaRun.equal(items[i], items[j]) {
                    fail("unique", path, "array items[\(i),\(j)] must be unique")
                    break outer
                }
            }
        }
        switch s[.string("items")] {
        case .array(let tuple)?:
            for (i, item) in items.enumerated() {
                if i < tuple.count {
                    try validate(item, against: tuple[i], path: path + [String(i)], depth: depth + 1)
                } else if let extra = s[.string("additionalItems")] {
                    if extra == .false { fail("array_no_additional_items", path, "No additional items allowed on array"); break }
                    try validate(item, against: extra, path: path + [String(i)], depth: depth + 1)
                }
            }
        case let single?:
            for (i, item) in items.enumerated() { try validate(item, against: single, path: path + [String(i)], depth: depth + 1) }
        case nil: break
        }
        if let contains = s[.string("contains")] {
            var found = false
            for (i, item) in items.enumerated() where try passes(item, contains, path + [String(i)], depth + 1) { found = true; break }
            if !found { fail("contains", path, "At least one of the items must match") }
        }
    }

    mutating func objectKeywords(_ members: [Value: Value], _ s: [Value: Value], _ path: [String], _ depth: Int) throws(BuiltinError) {
        if let min = s.countKeyword("minProperties"), members.count < min { fail("array_min_properties", path, "Must have at least \(min) properties") }
        if let max = s.countKeyword("maxProperties"), members.count > max { fail("array_max_properties", path, "Must have at most \(max) properties") }
        if case .array(let required)? = s[.string("required")] {
            for r in required { if let name = r.stringValue, members[.string(name)] == nil { fail("required", path, "\(name) is required") } }
        }
        let properties = s[.string("properties")]?.objectValue ?? [:]
        let patternProperties = s[.string("patternProperties")]?.objectValue ?? [:]
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            guard let name = key.stringValue else { continue }
            var matched = false
            if let sub = properties[key] {
                matched = true
                try validate(value, against: sub, path: path + [name], depth: depth + 1)
            }
            for (pattern, sub) in patternProperties {
                guard let p = pattern.stringValue, let re = schema.patterns[p], SchemaRun.matches(re, name) else { continue }
                matched = true
                try validate(value, against: sub, path: path + [name], depth: depth + 1)
            }
            if !matched, let extra = s[.string("additionalProperties")] {
                if extra == .false {
                    fail("additional_property_not_allowed", path, "Additional property \(name) is not allowed")
                } else {
                    try validate(value, against: extra, path: path + [name], depth: depth + 1)
                }
            }
            if let names = s[.string("propertyNames")], try !passes(.string(name), names, path, depth + 1) {
                fail("invalid_property_name", path, "Property name of \"\(name)\" does not match")
            }
        }
        if case .object(let deps)? = s[.string("dependencies")] {
            for (key, dep) in deps.sorted(by: { $0.key < $1.key }) where members[key] != nil {
                if case .array(let needed) = dep {
                    for n in needed { if let name = n.stringValue, members[.string(name)] == nil { fail("missing_dependency", path, "Has a dependency on \(name)") } }
                } else {
                    try validate(.object(members), against: dep, path: path, depth: depth + 1)
                }
            }
        }
    }

    mutating func stringKeywords(_ text: String, _ s: [Value: Value], _ path: [String]) {
        let length = text.unicodeScalars.count
        if let min = s.countKeyword("minLength"), length < min { fail("string_gte", path, "String length must be greater than or equal to \(min)") }
        if let max = s.countKeyword("maxLength"), length > max { fail("string_lte", path, "String length must be less than or equal to \(max)") }
        if let p = s[.string("pattern")]?.stringValue, let re = schema.patterns[p], !SchemaRun.matches(re, text) {
            fail("pattern", path, "Does not match pattern '\(p)'")
        }
    }

    mutating func numberKeywords(_ n: RegoNumber, _ s: [Value: Value], _ path: [String]) {
        let x = n.doubleValue
        if let m = s[.string("multipleOf")]?.numberValue {
            let q = x / m.doubleValue
            if !q.isFinite || abs(q - q.rounded()) > 1e-9 * max(1, abs(q)) { fail("multiple_of", path, "Must be a multiple of \(m)") }
        }
        // Draft 4 writes exclusiveness as booleans beside minimum/maximum; later drafts as numbers.
        if let min = s[.string("minimum")]?.numberValue {
            if s[.string("exclusiveMinimum")] == .true {
                if x <= min.doubleValue { fail("number_gt", path, "Must be greater than \(min)") }
            } else if x < min.doubleValue { fail("number_gte", path, "Must be greater than or equal to \(min)") }
        }
        if let min = s[.string("exclusiveMinimum")]?.numberValue, x <= min.doubleValue { fail("number_gt", path, "Must be greater than \(min)") }
        if let max = s[.string("maximum")]?.numberValue {
            if s[.string("exclusiveMaximum")] == .true {
                if x >= max.doubleValue { fail("number_lt", path, "Must be less than \(max)") }
            } else if x > max.doubleValue { fail("number_lte", path, "Must be less than or equal to \(max)") }
        }
        if let max = s[.string("exclusiveMaximum")]?.numberValue, x >= max.doubleValue { fail("number_lt", path, "Must be less than \(max)") }
    }

    static func matches(_ re: RE2, _ text: String) -> Bool {
        re.matches(text)
    }

    /// JSON equality: numbers by value (1 equals 1.0).
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y || x.doubleValue == y.doubleValue
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { equal(v, $0) } ?? false }
        default: return a == b
        }
    }
}

extension Dictionary where Key == Value, Value == StrataRegoAST.Value {
    /// A non-negative integer keyword (`minItems`, ...).
    func countKeyword(_ key: String) -> Int? {
        guard let n = self[.string(key)]?.numberValue else { return nil }
        return Int(exactly: n.doubleValue.rounded())
    }
}

extension Value {
    var objectValue: [Value: Value]? { if case .object(let o) = self { return o } else { return nil } }
    var arrayStrings: [String] { if case .array(let a) = self { return a.compactMap(\.stringValue) } else { return [] } }
}
