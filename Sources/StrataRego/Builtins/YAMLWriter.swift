import Foundation
import StrataRegoAST

/// A small YAML emitter for `yaml.marshal` (block style, keys sorted, strings quoted when needed).
enum YAMLWriter {
    static func write(_ v: Value) -> String {
        var out = ""
        emit(v, indent: 0, into: &out, inline: false)
        return out.hasSuffix("\n") ? out : out + "\n"
    }

    private static func emit(_ v: Value, indent: Int, into out: inout String, inline: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch v {
        case .array, .set:
            let list = elements(v)
            if list.isEmpty { out += "[]\n"; return }
            if inline { out += "\n" }
            for item in list {
                out += pad + "- "
                emit(item, indent: indent + 2, into: &out, inline: false, afterDash: true)
            }
        case .object(let dict):
            if dict.isEmpty { out += "{}\n"; return }
            if inline { out += "\n" }
            for (k, val) in dict.sortedPairs {
                out += pad + scalar(k.stringValue.map(Value.string) ?? .string(k.regoString)) + ":"
                if val.isCollection, !isEmpty(val) {
                    emit(val, indent: val.isObject ? indent + 2 : indent, into: &out, inline: true)
                } else {
                    out += " "
                    emit(val, indent: indent + 2, into: &out, inline: false)
                }
            }
        default: out += scalar(v) + "\n"
        }
    }

    private static func emit(_ v: Value, indent: Int, into out: inout String, inline: Bool, afterDash: Bool) {
        guard case .object(let dict) = v, !dict.isEmpty else { return emit(v, indent: indent, into: &out, inline: false) }
        var first = true
        let pad = String(repeating: " ", count: indent)
        for (k, val) in dict.sortedPairs {
            out += (first ? "" : pad) + scalar(.string(k.stringValue ?? k.regoString)) + ":"
            first = false
            if val.isCollection, !isEmpty(val) { emit(val, indent: val.isObject ? indent + 2 : indent, into: &out, inline: true) } else {
                out += " "
                emit(val, indent: indent + 2, into: &out, inline: false)
            }
        }
    }

    private static func elements(_ v: Value) -> [Value] {
        if case .array(let a) = v { return a }
        if case .set(let s) = v { return s.sorted() }
        return []
    }

    private static func isEmpty(_ v: Value) -> Bool {
        switch v {
        case .array(let a): return a.isEmpty
        case .set(let s): return s.isEmpty
        case .object(let o): return o.isEmpty
        default: return false
        }
    }

    private static func scalar(_ v: Value) -> String {
        if case .number(let n) = v { return n.description }  // YAML goes through float64 in OPA: `1e2` prints 100
        guard case .string(let s) = v else { return v.jsonString() }
        let special = ["", "true", "false", "null", "~", "yes", "no", "on", "off"]
        let needsQuote = special.contains(s.lowercased()) || RegoNumber(literal: s) != nil
            || s.contains(where: { ":#{}[],&*!|>'\"%@`\n".contains($0) }) || s.hasPrefix(" ") || s.hasSuffix(" ") || s.hasPrefix("-")
        return needsQuote ? "'" + s.replacingOccurrences(of: "'", with: "''") + "'" : s
    }
}

extension Value {
    var isObject: Bool { if case .object = self { return true } else { return false } }
}
