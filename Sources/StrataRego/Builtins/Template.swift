import Foundation
import StrataRegoAST

/// `strings.render_template`: a subset of Go's text/template — `{{.a.b}}`, `{{$v}}`, `{{if …}}{{else}}{{end}}`,
/// `{{range [$i, $v :=] …}}{{end}}`. A missing key renders as `<undefined>`.
enum Template {
    static let builtins: [Builtin] = [
        .binary("strings.render_template") { (t, vars) throws(BuiltinError) in
            var parser = TemplateParser(text: try t.string(1))
            let nodes = try parser.parse(until: [])
            var out = ""
            try render(nodes, dot: .object(try vars.object(2)), vars: [:], into: &out)
            return .string(out)
        },
    ]

    indirect enum Node {
        case text(String)
        case value(String)
        case ifBlock(String, [Node], [Node])
        case range(key: String?, value: String?, String, [Node])
    }

    static func render(_ nodes: [Node], dot: Value, vars: [String: Value], into out: inout String) throws(BuiltinError) {
        for node in nodes {
            switch node {
            case .text(let s): out += s
            case .value(let expr): out += lookup(expr, dot: dot, vars: vars).map(text) ?? "<undefined>"
            case .ifBlock(let cond, let then, let otherwise):
                try render(truthy(lookup(cond, dot: dot, vars: vars)) ? then : otherwise, dot: dot, vars: vars, into: &out)
            case .range(let key, let value, let expr, let body):
                guard let coll = lookup(expr, dot: dot, vars: vars) else { continue }
                for (k, v) in Evaluator.entries(coll) {
                    var scope = vars
                    if let key { scope[key] = k }
                    if let value { scope[value] = v }
                    try render(body, dot: v, vars: scope, into: &out)
                }
            }
        }
    }

    static func lookup(_ expr: String, dot: Value, vars: [String: Value]) -> Value? {
        let e = expr.trimmingCharacters(in: .whitespaces)
        if e == "." { return dot }
        var parts = e.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        var current: Value
        if e.hasPrefix("$") {
            guard let v = vars[parts.removeFirst()] else { return nil }
            current = v
        } else {
            current = dot
        }
        for p in parts {
            guard let next = current[.string(p)] else { return nil }
            current = next
        }
        return current
    }

    static func truthy(_ v: Value?) -> Bool {
        switch v {
        case nil, .null?, .bool(false)?: return false
        case .number(let n)?: return n != .int(0)
        case .string(let s)?: return !s.isEmpty
        case .array(let a)?: return !a.isEmpty
        case .object(let o)?: return !o.isEmpty
        case .set(let s)?: return !s.isEmpty
        default: return true
        }
    }

    static func text(_ v: Value) -> String { v.stringValue ?? v.regoString }
}

struct TemplateParser {
    var rest: Substring

    init(text: String) { rest = Substring(text) }

    /// Nodes up to one of the `closing` actions (`end`, `else`), which is consumed and returned via `last`.
    mutating func parse(until closing: Set<String>) throws(BuiltinError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else { nodes.append(.text(String(rest))); rest = ""; break }
            if open.lowerBound > rest.startIndex { nodes.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw BuiltinError("template: unclosed action") }
            let action = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            let word = String(action.prefix { $0 != " " })
            if closing.contains(word) { last = word; return nodes }
            nodes.append(try node(action, word))
        }
        guard closing.isEmpty else { throw BuiltinError("template: unexpected EOF") }
        return nodes
    }

    var last = ""

    private mutating func node(_ action: String, _ word: String) throws(BuiltinError) -> Template.Node {
        let arg = String(action.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
        switch word {
        case "if":
            let then = try parse(until: ["else", "end"])
            let otherwise = last == "else" ? try parse(until: ["end"]) : []
            return .ifBlock(arg, then, otherwise)
        case "range":
            var key: String?, value: String?, expr = arg
            if let assign = arg.range(of: ":=") {
                let names = arg[..<assign.lowerBound].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                (key, value) = names.count == 2 ? (names[0], names[1]) : (nil, names.first)
                expr = String(arg[assign.upperBound...])
            }
            return .range(key: key, value: value, expr, try parse(until: ["end"]))
        default:
            return .value(action)
        }
    }
}
