/// The compiled form of a set of modules: resolved rules in a trie by `data` path.
public struct CompiledPolicy: Sendable {
    public var modules: [Module]
    public var tree: RuleNode

    /// Rules at an exact path (e.g. a function's rules).
    public func rules(at path: [String]) -> [CompiledRule] { tree.node(at: path)?.rules ?? [] }
}

/// Compiler stages: parse results → name resolution → rule indexing → checks.
public enum Compiler {
    /// - Parameters:
    ///   - builtinArity: arity of a builtin (nil: unknown function).
    ///   - operandTypes: operand type names of a builtin (`"number|set"`), checked against literal operands.
    ///   - resultType: a builtin's result kind (`"number"`, `"array<string>"`), for type inference.
    public static func compile(_ modules: [Module], builtinArity: @escaping (String) -> Int? = { _ in nil },
                               operandTypes: @escaping (String) -> [String]? = { _ in nil },
                               resultType: @escaping (String) -> String? = { _ in nil }) throws(RegoError) -> CompiledPolicy {
        var ruleNames: [[String]: Set<String>] = [:]
        for m in modules { try LocalVarCheck(module: m).check() }
        for m in modules {
            for r in m.rules { ruleNames[m.package, default: []].insert(r.name) }
        }
        var tree = RuleNode()
        var resolvedModules: [Module] = []
        for (index, module) in modules.enumerated() {
            let resolver = Resolver(module: module, ruleNames: ruleNames[module.package] ?? []) { builtinArity($0) != nil }
            tree.ensure(module.package[...])
            var resolved = module
            resolved.rules = module.rules.map { resolver.resolve(rule: $0) }
            for rule in resolved.rules {
                let prefix = rule.constantPrefix
                let compiled = CompiledRule(rule: rule, path: module.package + prefix,
                                            dynamicKeys: Array(rule.ref.dropFirst(prefix.count)),
                                            package: module.package, moduleIndex: index)
                tree.insert(compiled, at: compiled.path[...])
            }
            resolvedModules.append(resolved)
        }
        let virtual = tree
        tree.updateRules { compiled in
            let rule = compiled.rule
            let index = IndexConditions(isVirtual: virtual.isVirtual, arguments: Set(rule.args.compactMap(\.variableName)))
            var head = compiled.dynamicKeys + [rule.value]
            if let key = rule.key { head.append(key) }
            compiled.clauseConditions = [index.clause(body: rule.body, head: head)]
                + rule.elseChain.map { index.clause(body: $0.body, head: [$0.value]) }
        }
        var nextID = 1
        tree.number(from: &nextID)
        let policy = CompiledPolicy(modules: resolvedModules, tree: tree)
        try Checker(policy: policy, builtinArity: builtinArity, operandTypes: operandTypes, resultType: resultType).check()
        try RecursionCheck(policy: policy).check()
        return policy
    }
}
