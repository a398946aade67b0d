/// A rule after name resolution, placed at its `data` path.
///
/// Stored in one shared box (copy-on-write): the evaluator passes rules around constantly, and copying
/// the eight fields member by member was a noticeable share of evaluation time.
public struct CompiledRule: Hashable, Sendable {
    private final class Storage: @unchecked Sendable {
        // Mutated only through `unique()`, i.e. while this box has a single owner.
        var rule: Rule
        var path: [String]
        var dynamicKeys: [Term]
        var package: [String]
        var moduleIndex: Int
        var clauseConditions: [[IndexCondition]]

        init(rule: Rule, path: [String], dynamicKeys: [Term], package: [String], moduleIndex: Int,
             clauseConditions: [[IndexCondition]]) {
            self.rule = rule
            self.path = path
            self.dynamicKeys = dynamicKeys
            self.package = package
            self.moduleIndex = moduleIndex
            self.clauseConditions = clauseConditions
        }

        func copy() -> Storage {
            Storage(rule: rule, path: path, dynamicKeys: dynamicKeys, package: package, moduleIndex: moduleIndex,
                    clauseConditions: clauseConditions)
        }
    }

    private var storage: Storage

    public init(rule: Rule, path: [String], dynamicKeys: [Term], package: [String], moduleIndex: Int,
                clauseConditions: [[IndexCondition]] = []) {
        storage = Storage(rule: rule, path: path, dynamicKeys: dynamicKeys, package: package,
                          moduleIndex: moduleIndex, clauseConditions: clauseConditions)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var rule: Rule {
        _read { yield storage.rule }
        set { unique().rule = newValue }
    }
    /// Package path plus the constant prefix of the head ref (without `data`).
    public var path: [String] {
        _read { yield storage.path }
        set { unique().path = newValue }
    }
    /// Head ref terms after the constant prefix (vars make the rule build an object).
    public var dynamicKeys: [Term] {
        _read { yield storage.dynamicKeys }
        set { unique().dynamicKeys = newValue }
    }
    public var package: [String] {
        _read { yield storage.package }
        set { unique().package = newValue }
    }
    public var moduleIndex: Int {
        _read { yield storage.moduleIndex }
        set { unique().moduleIndex = newValue }
    }
    /// OPA's rule-index preconditions per clause: the body first, then each `else` (see `IndexCondition`).
    public var clauseConditions: [[IndexCondition]] {
        _read { yield storage.clauseConditions }
        set { unique().clauseConditions = newValue }
    }

    public var isFunction: Bool { storage.rule.kind == .function }

    public static func == (a: CompiledRule, b: CompiledRule) -> Bool {
        if a.storage === b.storage { return true }
        return a.rule == b.rule && a.path == b.path && a.dynamicKeys == b.dynamicKeys && a.package == b.package
            && a.moduleIndex == b.moduleIndex && a.clauseConditions == b.clauseConditions
    }

    public func hash(into h: inout Hasher) {
        h.combine(rule)
        h.combine(path)
        h.combine(moduleIndex)
    }
}

/// The rules indexed by `data` path, as a trie.
public struct RuleNode: Hashable, Sendable {
    public var rules: [CompiledRule] = []
    public var children: [String: RuleNode] = [:]
    /// Unique per node of a compiled trie (0: not numbered); the evaluator memoises documents by it.
    public var id = 0

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

    /// Numbers every node of the trie (depth first, from `next`).
    mutating func number(from next: inout Int) {
        id = next
        next += 1
        for key in children.keys.sorted() { children[key]!.number(from: &next) }
    }

    /// Applies `transform` to every rule of the trie.
    mutating func updateRules(_ transform: (inout CompiledRule) -> Void) {
        for i in rules.indices { transform(&rules[i]) }
        for key in children.keys { children[key]!.updateRules(transform) }
    }

    /// OPA's `isVirtual`: a `data` path (below `data`) that reaches rules or lies on the way to them.
    public func isVirtual(_ path: [Value]) -> Bool {
        var node = self
        for key in path {
            guard case .string(let k) = key, let child = node.children[k] else { return false }
            if !child.rules.isEmpty { return true }
            node = child
        }
        return true
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
