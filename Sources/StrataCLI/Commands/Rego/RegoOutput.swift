import Foundation
import StrataRego
import StrataRegoAST

/// The output formats of `strata rego eval`, as `opa eval` has them.
enum RegoOutput {
    static let formats = ["json", "values", "raw", "pretty"]

    static func render(_ output: EvalOutput, format: String, metrics: [(String, Duration)]?) -> String {
        switch format {
        case "values": return values(output)
        case "raw": return raw(output)
        case "pretty": return pretty(output)
        default: return withMetrics(ResultRenderer.json(output), metrics)
        }
    }

    /// The expression values of every result, as one JSON array.
    static func values(_ output: EvalOutput) -> String {
        let items = output.results.flatMap { $0.expressions.map(\.value) }
        return Value.array(items).jsonString(pretty: true)
    }

    /// One line per result, expressions separated by spaces, strings unquoted (for shell scripts).
    static func raw(_ output: EvalOutput) -> String {
        output.results.map { result in
            result.expressions.map { e -> String in
                if case .string(let s) = e.value { return s }
                return e.value.jsonString()
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// Single values as indented JSON; with bindings, one `name: value` block per result.
    static func pretty(_ output: EvalOutput) -> String {
        guard !output.results.isEmpty else { return "undefined" }
        if output.results.count == 1, output.results[0].bindings.isEmpty, output.results[0].expressions.count == 1 {
            return output.results[0].expressions[0].value.jsonString(pretty: true)
        }
        return output.results.map { result in
            let names = result.bindings.keys.sorted()
            if names.isEmpty { return result.expressions.map { $0.value.jsonString(pretty: true) }.joined(separator: "\n") }
            return names.map { "\($0): \(result.bindings[$0]!.jsonString())" }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// Adds `"metrics": {…}` to the result object, as `opa eval --metrics` does.
    static func withMetrics(_ json: String, _ metrics: [(String, Duration)]?) -> String {
        guard let metrics, let close = json.lastIndex(of: "}") else { return json }
        let entries = metrics.map { name, d in
            "\"\(name)\":\(d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000)"
        }.joined(separator: ",")
        let body = json[..<close].trimmingCharacters(in: .whitespacesAndNewlines)
        let separator = body == "{" ? "" : ","
        return body + separator + "\"metrics\":{" + entries + "}}"
    }
}
