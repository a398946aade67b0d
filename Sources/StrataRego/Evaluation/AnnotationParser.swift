import StrataRegoAST
import Foundation
import Yams

/// Turns a METADATA block's YAML into a Rego value (as `rego.metadata.rule()` returns it).
enum AnnotationParser {
    static func value(_ a: Annotation, defaultScope: String = "rule") -> Value {
        guard let node = try? Yams.compose(yaml: a.yaml), case .object(var dict) = YAMLConversion.value(node) else { return .emptyObject }
        if dict[.string("scope")] == nil { dict[.string("scope")] = .string(defaultScope) }
        if case .array(let authors)? = dict[.string("authors")] { dict[.string("authors")] = .array(authors.map(author)) }
        return .object(dict)
    }

    /// `"Jane Doe <jane@example.com>"` → `{"name": "Jane Doe", "email": "jane@example.com"}`.
    static func author(_ v: Value) -> Value {
        guard case .string(let s) = v else { return v }
        var out: [Value: Value] = [:]
        var name = s
        if let open = s.lastIndex(of: "<"), s.hasSuffix(">") {
            out[.string("email")] = .string(String(s[s.index(after: open)..<s.index(before: s.endIndex)]))
            name = String(s[..<open])
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { out[.string("name")] = .string(trimmed) }
        return .object(out)
    }
}
