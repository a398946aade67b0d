/// `opa eval -d data.json -d policy.rego` rejects a rule whose path already holds a base document, or
/// lies under a base value that is not an object (`rego_compile_error: conflicting rule for data path
/// a/b/c found`); Strata checks the same before evaluating against loaded data.
extension CompiledPolicy {
    public func checkDataConflicts(_ data: Value) throws(RegoError) {
        if let (path, rule) = Self.conflict(tree, data, []) {
            throw RegoError(.compile, "conflicting rule for data path \(path.joined(separator: "/")) found", at: rule.rule.location)
        }
    }

    /// `data` is the base value at `path` (nil: absent).
    private static func conflict(_ node: RuleNode, _ data: Value?, _ path: [String]) -> ([String], CompiledRule)? {
        guard let data else { return nil }
        if let rule = node.rules.first { return (path, rule) }
        guard case .object(let dict) = data else { return firstRule(node, path) }
        for key in node.children.keys.sorted() {
            if let found = conflict(node.children[key]!, dict[.string(key)], path + [key]) { return found }
        }
        return nil
    }

    private static func firstRule(_ node: RuleNode, _ path: [String]) -> ([String], CompiledRule)? {
        if let rule = node.rules.first { return (path, rule) }
        for key in node.children.keys.sorted() {
            if let found = firstRule(node.children[key]!, path + [key]) { return found }
        }
        return nil
    }
}
