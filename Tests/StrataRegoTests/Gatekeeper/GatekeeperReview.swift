import Foundation
import StrataRego
import StrataRegoAST

/// How Gatekeeper (and gator) turns a template, a constraint and an object into violations.
enum GatekeeperReview {
    /// The Rego of a ConstraintTemplate: `spec.targets[0].rego` + `libs`, or the `engine: Rego` entry of `code[]`.
    static func sources(template: Value) -> [(name: String, source: String)] {
        guard case .array(let targets)? = template[.string("spec")]?[.string("targets")], let target = targets.first else { return [] }
        func withLibs(_ main: String?, _ libs: Value?) -> [(name: String, source: String)] {
            var out: [(name: String, source: String)] = []
            if let main { out.append((name: "template.rego", source: main)) }
            if case .array(let ls)? = libs {
                for (i, l) in ls.enumerated() { if let s = l.stringValue { out.append((name: "lib\(i).rego", source: s)) } }
            }
            return out
        }
        if let rego = target[.string("rego")]?.stringValue { return withLibs(rego, target[.string("libs")]) }
        if case .array(let code)? = target[.string("code")] {
            for entry in code where entry[.string("engine")]?.stringValue == "Rego" {
                let source = entry[.string("source")]
                return withLibs(source?[.string("rego")]?.stringValue, source?[.string("libs")])
            }
        }
        return []
    }

    static func packageName(_ source: String) -> String? {
        for line in source.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("package ") { return String(t.dropFirst("package ".count)).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// `group` and `version` of an `apiVersion` (`apps/v1` → ("apps", "v1"), `v1` → ("", "v1")).
    static func groupVersion(_ apiVersion: String) -> (String, String) {
        let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : ("", apiVersion)
    }

    /// The AdmissionRequest gator builds for a plain object, or the `request` of an AdmissionReview.
    static func request(for object: Value) -> Value {
        if object[.string("kind")]?.stringValue == "AdmissionReview", case .object(var req)? = object[.string("request")] {
            if req[.string("object")] == nil || req[.string("object")] == .null, let old = req[.string("oldObject")] {
                req[.string("object")] = old
            }
            return .object(req)
        }
        let (group, version) = groupVersion(object[.string("apiVersion")]?.stringValue ?? "")
        let meta = object[.string("metadata")]
        var req: [Value: Value] = [
            .string("uid"): .string(""),
            .string("kind"): .object([.string("group"): .string(group), .string("version"): .string(version),
                                      .string("kind"): object[.string("kind")] ?? .string("")]),
            .string("resource"): .object([.string("group"): .string(""), .string("version"): .string(""), .string("resource"): .string("")]),
            .string("name"): meta?[.string("name")] ?? .string(""),
            .string("operation"): .string(""),
            .string("userInfo"): .emptyObject,
            .string("object"): object,
            .string("oldObject"): .null,
            .string("options"): .null,
        ]
        if let ns = meta?[.string("namespace")] { req[.string("namespace")] = ns }
        return .object(req)
    }

    /// `spec.match`: kinds (apiGroups × kinds, `*` wildcards), namespaces and excludedNamespaces. Objects without a
    /// namespace (other than Namespaces themselves) are not filtered by the namespace lists, as in Gatekeeper.
    static func matches(constraint: Value, request: Value) -> Bool {
        guard let match = constraint[.string("spec")]?[.string("match")], match != .null else { return true }
        let kind = request[.string("kind")]
        let group = kind?[.string("group")]?.stringValue ?? ""
        let kindName = kind?[.string("kind")]?.stringValue ?? ""
        if case .array(let kinds)? = match[.string("kinds")], !kinds.isEmpty {
            let ok = kinds.contains { k in
                let groups = strings(k[.string("apiGroups")])
                let names = strings(k[.string("kinds")])
                return (groups.isEmpty || groups.contains("*") || groups.contains(group))
                    && (names.isEmpty || names.contains("*") || names.contains(kindName))
            }
            if !ok { return false }
        }
        let object = request[.string("object")]
        var namespace = object?[.string("metadata")]?[.string("namespace")]?.stringValue ?? request[.string("namespace")]?.stringValue
        if kindName == "Namespace", group.isEmpty { namespace = object?[.string("metadata")]?[.string("name")]?.stringValue }
        if let namespace {
            let included = strings(match[.string("namespaces")])
            if !included.isEmpty, !included.contains(where: { globMatch($0, namespace) }) { return false }
            if strings(match[.string("excludedNamespaces")]).contains(where: { globMatch($0, namespace) }) { return false }
        }
        return true
    }

    /// Gatekeeper's namespace lists allow a trailing `*` prefix wildcard.
    private static func globMatch(_ pattern: String, _ name: String) -> Bool {
        pattern.hasSuffix("*") ? name.hasPrefix(pattern.dropLast()) : pattern == name
    }

    private static func strings(_ v: Value?) -> [String] {
        guard case .array(let a)? = v else { return [] }
        return a.compactMap(\.stringValue)
    }

    /// Inventory objects under `data.inventory.namespace[ns][apiVersion][kind][name]` or `.cluster[apiVersion][kind][name]`.
    static func inventory(_ objects: [Value]) -> Value {
        var root: Value = .emptyObject
        for o in objects {
            let meta = o[.string("metadata")]
            let apiVersion = o[.string("apiVersion")]?.stringValue ?? ""
            let kind = o[.string("kind")]?.stringValue ?? ""
            let name = meta?[.string("name")]?.stringValue ?? ""
            let path: [String]
            if let ns = meta?[.string("namespace")]?.stringValue {
                path = ["namespace", ns, apiVersion, kind, name]
            } else {
                path = ["cluster", apiVersion, kind, name]
            }
            root = inserting(o, at: path[...], into: root)
        }
        return .object([.string("inventory"): root])
    }

    private static func inserting(_ value: Value, at path: ArraySlice<String>, into node: Value) -> Value {
        guard let first = path.first else { return value }
        guard case .object(var dict) = node else { return .object([.string(first): inserting(value, at: path.dropFirst(), into: .emptyObject)]) }
        dict[.string(first)] = inserting(value, at: path.dropFirst(), into: dict[.string(first)] ?? .emptyObject)
        return .object(dict)
    }

    /// The sorted `msg` of every element of `data.<package>.violation` for this review.
    static func violations(engine: RegoEngine, package: String, constraint: Value, object: Value, inventory: [Value]) throws -> [String] {
        let request = request(for: object)
        guard matches(constraint: constraint, request: request) else { return [] }
        let parameters = constraint[.string("spec")]?[.string("parameters")] ?? .emptyObject
        let input: Value = .object([.string("review"): request, .string("parameters"): parameters == .null ? .emptyObject : parameters])
        let out = try engine.evaluate(query: "data.\(package).violation", data: Self.inventory(inventory), input: input)
        var messages: [String] = []
        for r in out.results {
            for e in r.expressions {
                let elements: [Value]
                switch e.value {
                case .set(let s): elements = Array(s)
                case .array(let a): elements = a
                default: elements = []
                }
                for v in elements { messages.append(v[.string("msg")]?.stringValue ?? "") }
            }
        }
        return messages.sorted()
    }
}
