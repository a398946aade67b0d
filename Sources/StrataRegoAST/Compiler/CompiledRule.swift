/// A rule after name resolution, placed at its `data` path.
public struct CompiledRule: Hashable, Sendable {
    public var rule: Rule
    /// Package path plus the constant prefix of the head ref (without `data`).
    public var path: [String]
    /// Head ref terms after the constant prefix (vars make the rule build an object).
    public var dynamicKeys: [Term]
    public var package: [String]
    public var moduleIndex: Int

    public var isFunction: Bool { rule.kind == .function }
}

/// The rules indexed by `data` path, as a trie.
public struct RuleNode: Hashable, Sendable {
    public var rules: [CompiledRule] = []
    public var children: [String: RuleNode] = [:]

    public init() {}

    mutating func insert(_ rule: CompiledRule, at path: ArraySlice<String>) {
        guard let first = path.first else {
            rules.append(rule)
            return
        }
        children[first, default: RuleNode()].insert(rule, at: path.dropFirst())
    }

    /// Makes sure a node exists at `path`: a package without rules is still an (empty) document, as in OPA.
    mutating func ensure(_ path: ArraySlice<String>) {
        guard let first = path.first else { return }
        children[first, default: RuleNode()].ensure(path.dropFirst())
    }

    /// Replaces the rules defined exactly at `path` (used to run one of several same-named test rules).
    public mutating func replaceRules(at path: ArraySlice<String>, with replacement: [CompiledRule]) {
        guard let first = path.first else {
            rules = replacement
            return
        }
        children[first, default: RuleNode()].replaceRules(at: path.dropFirst(), with: replacement)
    }

    public func node(at path: some Collection<String>) -> RuleNode? {
        var node = self
        for p in path {
            guard let next = node.children[p] else { return nil }
            node = next
        }
        return node
    }

    /// Whether any rule (not only functions) is defined at or below this node.
    public var hasDocuments: Bool {
        rules.contains { !$0.isFunction } || children.values.contains { $0.hasDocuments }
    }
}
