import Foundation
import StrataCore
import Yams

/// Reads a rule file (YAML) into a `RuleFile`. Unknown keys are errors, so that a typo in a user
/// config does not silently disable a rule.
///
///     rules:
///       - id: example-token
///         title: Example token
///         severity: high
///         regex: '\b(ex_[a-z0-9]{32})\b'
///         keywords: [ex_]
///     disable: [generic-password]
///     allowlist: { paths: ['**/testdata/**'], regexes: ['^dummy'], stopwords: [sample] }
public enum RuleFileParser {
    static let ruleKeys: Set<String> = [
        "id", "title", "severity", "regex", "secret-group", "keywords", "entropy", "window", "multiline",
        "paths", "allowlist", "remediation", "references", "examples",
    ]

    public static func parse(_ text: String, path: String) throws(StrataError) -> RuleFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw StrataError(.configInvalid, "not valid YAML: \(error)", at: SourceLocation(path: path))
        }
        guard let node else { return RuleFile() }
        let reader = NodeReader(path: path)
        let top = try reader.mapping(node, keys: ["rules", "disable", "allowlist"])
        var file = RuleFile()
        if let rules = top["rules"] {
            for item in try reader.sequence(rules) { file.rules.append(try rule(item, reader)) }
        }
        if let disable = top["disable"] { file.disable = try reader.strings(disable) }
        if let allow = top["allowlist"] { file.allowlist = try allowlist(allow, reader) }
        return file
    }

    static func rule(_ node: Node, _ r: NodeReader) throws(StrataError) -> RuleSpec {
        let m = try r.mapping(node, keys: ruleKeys)
        let id = try r.string(r.required(m, "id", in: node))
        guard id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil else {
            throw StrataError(.configInvalid, "rule id '\(id)' is not kebab-case", at: r.location(node))
        }
        var spec = RuleSpec(
            id: id, title: try r.string(r.required(m, "title", in: node)),
            regex: try r.string(r.required(m, "regex", in: node)),
            keywords: try m["keywords"].map(r.strings)?.map { $0.lowercased() } ?? [], line: r.location(node).startLine)
        if let s = m["severity"] {
            guard let sev = Severity(parsing: try r.string(s)) else { throw StrataError(.configInvalid, "unknown severity", at: r.location(s)) }
            spec.severity = sev
        }
        spec.secretGroup = try m["secret-group"].map(r.int)
        spec.entropy = try m["entropy"].map(r.double)
        spec.window = try m["window"].map(r.int)
        spec.multiline = try m["multiline"].map(r.bool) ?? false
        spec.paths = try m["paths"].map(r.strings) ?? []
        spec.allowlist = try m["allowlist"].map { n throws(StrataError) in try allowlist(n, r) } ?? AllowlistSpec()
        spec.remediation = try m["remediation"].map(r.string)
        spec.references = try m["references"].map(r.strings) ?? []
        if let ex = m["examples"] {
            let e = try r.mapping(ex, keys: ["true", "false"])
            spec.truePositives = try e["true"].map(r.strings) ?? []
            spec.falsePositives = try e["false"].map(r.strings) ?? []
        }
        return spec
    }

    static func allowlist(_ node: Node, _ r: NodeReader) throws(StrataError) -> AllowlistSpec {
        let m = try r.mapping(node, keys: ["paths", "regexes", "stopwords"])
        return AllowlistSpec(
            paths: try m["paths"].map(r.strings) ?? [], regexes: try m["regexes"].map(r.strings) ?? [],
            stopwords: try m["stopwords"].map(r.strings)?.map { $0.lowercased() } ?? [])
    }
}

/// Typed access to YAML nodes with located errors.
struct NodeReader {
    let path: String

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(path: path, startLine: node.mark.map { $0.line }, startColumn: node.mark.map { $0.column })
    }

    func fail(_ node: Node, _ what: String) -> StrataError {
        StrataError(.configInvalid, "expected \(what)", at: location(node))
    }

    func mapping(_ node: Node, keys: Set<String>) throws(StrataError) -> [String: Node] {
        guard let mapping = node.mapping else { throw fail(node, "a mapping") }
        var out: [String: Node] = [:]
        for (k, v) in mapping {
            let key = k.string ?? ""
            guard keys.contains(key) else {
                throw StrataError(.configInvalid, "unknown key '\(key)'; known: \(keys.sorted().joined(separator: ", "))", at: location(k))
            }
            out[key] = v
        }
        return out
    }

    func required(_ m: [String: Node], _ key: String, in node: Node) throws(StrataError) -> Node {
        guard let v = m[key] else { throw StrataError(.configInvalid, "missing '\(key)'", at: location(node)) }
        return v
    }

    func sequence(_ node: Node) throws(StrataError) -> [Node] {
        guard let seq = node.sequence else { throw fail(node, "a list") }
        return Array(seq)
    }

    func string(_ node: Node) throws(StrataError) -> String {
        guard let s = node.scalar?.string else { throw fail(node, "a string") }
        return s
    }

    func strings(_ node: Node) throws(StrataError) -> [String] {
        var out: [String] = []
        for item in try sequence(node) { out.append(try string(item)) }
        return out
    }

    func int(_ node: Node) throws(StrataError) -> Int {
        guard let v = Int(try string(node)) else { throw fail(node, "an integer") }
        return v
    }

    func double(_ node: Node) throws(StrataError) -> Double {
        guard let v = Double(try string(node)) else { throw fail(node, "a number") }
        return v
    }

    func bool(_ node: Node) throws(StrataError) -> Bool {
        switch try string(node).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail(node, "true or false")
        }
    }
}
