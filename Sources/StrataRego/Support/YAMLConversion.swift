import StrataRegoAST
import Yams

/// Converts YAML (via Yams) to Rego values: plain scalars become null, booleans and numbers like YAML 1.2 core.
public enum YAMLConversion {
    public static func parse(_ text: String) throws -> Value? {
        guard let node = try Yams.compose(yaml: text) else { return nil }
        return value(node)
    }

    /// `yaml.unmarshal`'s reading of a stream: the first document's value, after every document parsed
    /// (a stream whose later document is malformed is invalid, as OPA's conformance cases expect).
    public static func parseStream(_ text: String) throws -> Value? {
        var documents = try Yams.compose_all(yaml: text)
        var first: Node?
        while let node = documents.next() {  // read every document: a malformed later one is an error
            if first == nil { first = node }
        }
        if let error = documents.error { throw error }
        return first.map(value)
    }

    public static func value(_ node: Node) -> Value {
        switch node {
        case .scalar(let s): return scalar(s)
        case .sequence(let seq): return .array(seq.map(value))
        case .mapping(let map):
            var dict: [Value: Value] = [:]
            for (k, v) in map { dict[keyValue(k)] = value(v) }
            return .object(dict)
        case .alias: return .null
        }
    }

    private static func keyValue(_ node: Node) -> Value {
        if case .scalar(let s) = node { return .string(s.string) }
        return value(node)
    }

    static func scalar(_ s: Node.Scalar) -> Value {
        guard s.style == .plain else { return .string(s.string) }
        let text = s.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .true
        case "false", "False", "FALSE": return .false
        default: break
        }
        if let first = text.first, first.isNumber || first == "-" || first == "+" || first == ".",
           let n = RegoNumber(literal: text.hasPrefix("+") ? String(text.dropFirst()) : text) {
            return .number(n)
        }
        if text.hasPrefix("0x"), let i = Int(text.dropFirst(2), radix: 16) { return .int(i) }
        return .string(text)
    }
}
