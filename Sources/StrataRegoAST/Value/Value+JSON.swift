extension Value {
    /// JSON text as OPA writes it: object keys sorted, sets as sorted arrays, non-string keys as their Rego text.
    public func jsonString(pretty: Bool = false, indent: String = "", escapeHTML: Bool = false) -> String {
        var out = ""
        writeJSON(into: &out, pretty: pretty, indent: indent)
        return escapeHTML ? Value.escapingHTML(out) : out
    }

    /// Go's `encoding/json` default: `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes (they only occur inside strings).
    public static func escapingHTML(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func writeJSON(into out: inout String, pretty: Bool, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): Value.writeQuoted(s, into: &out)
        case .array(let items): Value.writeList(items, into: &out, pretty: pretty, indent: indent)
        case .set(let members): Value.writeList(members.sorted(), into: &out, pretty: pretty, indent: indent)
        case .object(let dict): writeObject(dict, into: &out, pretty: pretty, indent: indent)
        }
    }

    static func writeList(_ items: [Value], into out: inout String, pretty: Bool, indent: String) {
        if items.isEmpty { out += "[]"; return }
        let inner = indent + "  "
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            if pretty { out += "\n" + inner }
            item.writeJSON(into: &out, pretty: pretty, indent: inner)
        }
        if pretty { out += "\n" + indent }
        out += "]"
    }

    private func writeObject(_ dict: [Value: Value], into out: inout String, pretty: Bool, indent: String) {
        if dict.isEmpty { out += "{}"; return }
        let inner = indent + "  "
        let pairs = dict.map { (key: $0.key.stringValue ?? $0.key.jsonString(), value: $0.value) }
            .sorted { Value.compareStrings($0.key, $1.key) < 0 }
        out += "{"
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out += "," }
            if pretty { out += "\n" + inner }
            Value.writeQuoted(pair.key, into: &out)
            out += pretty ? ": " : ":"
            pair.value.writeJSON(into: &out, pretty: pretty, indent: inner)
        }
        if pretty { out += "\n" + indent }
        out += "}"
    }

    /// Writes a JSON string literal.
    public static func writeQuoted(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    public static func quoted(_ s: String) -> String {
        var out = ""
        writeQuoted(s, into: &out)
        return out
    }

    /// The value as Rego source text, as OPA prints terms: sets as `{…}` (`set()` when empty), strings
/// quoted the way Go's `strconv.Quote` does, numbers as written.
    public var regoString: String {
        switch self {
        case .string(let s): return GoQuote.quote(s)
        case .null, .bool, .number: return jsonString()
        case .array(let items): return "[" + items.map(\.regoString).joined(separator: ", ") + "]"
        case .set(let members):
            return members.isEmpty ? "set()" : "{" + members.sorted().map(\.regoString).joined(separator: ", ") + "}"
        case .object(let dict):
            return "{" + dict.sortedPairs.map { "\($0.key.regoString): \($0.value.regoString)" }.joined(separator: ", ") + "}"
        }
    }
}
