import StrataRegoAST

/// `json.marshal_with_options`: `json.marshal` plus Go's `json.MarshalIndent` layout.
enum JSONMarshalOptions {
    static let builtins: [Builtin] = [.binary("json.marshal_with_options", marshal)]

    static func marshal(_ value: Value, _ options: Value) throws(BuiltinError) -> Value? {
        var prefix = "", indent = "\t"
        var implicitPretty = false
        var explicitPretty: Bool?
        // Sorted so the first bad key reported does not depend on hashing.
        for (key, option) in try options.object(2).sorted(by: { $0.key < $1.key }) {
            guard case .string(let name) = key else { throw .type("operand 2 failed to stringify key \(key.regoString)") }
            switch name {
            case "prefix", "indent":
                // "operand 0" is what OPA v1.20 prints here.
                guard case .string(let s) = option else {
                    throw .type("operand 2 key \(Value.quoted(name)) failed cast to string: operand 0 must be string but got \(option.typeName)")
                }
                if name == "prefix" { prefix = s } else { indent = s }
                implicitPretty = true
            case "pretty":
                guard case .bool(let b) = option else { throw .type("operand 2 key \"pretty\" failed cast to bool") }
                explicitPretty = b
            default:
                throw .type("operand 2 object contained unknown key \(Value.quoted(name))")
            }
        }
        let compact = value.jsonString(escapeHTML: true)
        guard explicitPretty ?? implicitPretty else { return .string(compact) }
        // MarshalIndent does not prefix the first line; OPA adds it.
        return .string(prefix + reindent(compact, prefix: prefix, indent: indent))
    }

    /// Go's `json.Indent` over compact JSON: a newline, the prefix and one indent per level after
    /// each opening bracket and comma; empty `[]` and `{}` stay on one line.
    static func reindent(_ json: String, prefix: String, indent: String) -> String {
        let bytes = Array(json.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var depth = 0, inString = false, escaped = false
        func newline() {
            out.append(0x0A)
            out += prefix.utf8
            for _ in 0..<depth { out += indent.utf8 }
        }
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            defer { i += 1 }
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch c {
            case UInt8(ascii: "\""): inString = true; out.append(c)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(c)
                let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i + 1 < bytes.count, bytes[i + 1] == close { out.append(close); i += 1 } else { depth += 1; newline() }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; newline(); out.append(c)
            case UInt8(ascii: ","): out.append(c); newline()
            case UInt8(ascii: ":"): out += ": ".utf8
            default: out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
