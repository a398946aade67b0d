import StrataRegoAST
import Yams

/// Turns a METADATA block's YAML into a Rego value (as `rego.metadata.rule()` returns it).
enum AnnotationParser {
    static func value(_ a: Annotation) -> Value {
        guard let node = try? Yams.compose(yaml: a.yaml) else { return .emptyObject }
        var v = YAMLConversion.value(node)
        if case .object(var dict) = v, dict[.string("scope")] == nil {
            dict[.string("scope")] = .string("rule")
            v = .object(dict)
        }
        return v
    }
}
