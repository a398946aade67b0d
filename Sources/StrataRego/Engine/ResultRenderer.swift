import StrataRegoAST

/// Renders results and errors exactly like `opa eval --format json`: Go's JSON encoder with 2-space
/// indentation and HTML escaping (`<` → `\u003c`); the encoder's trailing newline is left to the caller.
public enum ResultRenderer {
    public static func json(_ output: EvalOutput) -> String {
        guard !output.results.isEmpty else { return "{}" }
        var out = "{\n  \"result\": ["
        for (i, row) in output.results.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += render(row, indent: "    ")
        }
        out += "\n  ]\n}"
        return Value.escapingHTML(out)
    }

    private static func render(_ row: QueryResult, indent: String) -> String {
        let inner = indent + "  "
        var out = indent + "{\n" + inner + "\"expressions\": ["
        for (i, e) in row.expressions.enumerated() {
            let ei = inner + "  "
            out += (i == 0 ? "\n" : ",\n") + ei + "{\n"
            out += ei + "  \"value\": " + e.value.jsonString(pretty: true, indent: ei + "  ") + ",\n"
            out += ei + "  \"text\": " + Value.quoted(e.text) + ",\n"
            out += ei + "  \"location\": {\n" + ei + "    \"row\": \(e.location.row),\n" + ei + "    \"col\": \(e.location.col)\n" + ei + "  }\n"
            out += ei + "}"
        }
        out += "\n" + inner + "]"
        if !row.bindings.isEmpty {
            let dict = Dictionary(uniqueKeysWithValues: row.bindings.map { (Value.string($0.key), $0.value) })
            out += ",\n" + inner + "\"bindings\": " + Value.object(dict).jsonString(pretty: true, indent: inner)
        }
        return out + "\n" + indent + "}"
    }

    /// `{"errors":[{"code":…,"message":…,"location":{…}}]}`.
    public static func json(_ errors: [RegoError]) -> String {
        var out = "{\n  \"errors\": ["
        for (i, e) in errors.enumerated() {
            out += (i == 0 ? "\n" : ",\n") + "    {\n"
            out += "      \"code\": " + Value.quoted(e.code.rawValue) + ",\n"
            out += "      \"message\": " + Value.quoted(e.message)
            if let loc = e.location {
                out += ",\n      \"location\": {\n"
                out += "        \"file\": " + Value.quoted(loc.file) + ",\n"
                out += "        \"row\": \(loc.row),\n        \"col\": \(loc.col)\n      }"
            }
            out += "\n    }"
        }
        return Value.escapingHTML(out + "\n  ]\n}")
    }
}
