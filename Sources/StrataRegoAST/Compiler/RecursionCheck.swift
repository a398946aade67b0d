/// Compile-time recursion detection: rules (and functions) may not depend on themselves through
/// `data` refs or calls. Reports `rego_recursion_error` with the cycle.
struct RecursionCheck {
    let policy: CompiledPolicy

    func check() throws(RegoError) {
        var graph: [[String]: Set<[String]>] = [:]
        var locations: [[String]: Location] = [:]
        var subtreeCache: [[String]: [[String]]] = [:]
        collect(policy.tree, path: []) { path, rules in
            locations[path] = rules[0].rule.location
            var targets = Set<[String]>()
            for rule in rules {
                for ref in RecursionCheck.dataRefs(rule.rule) {
                    targets.formUnion(dependencies(of: ref, cache: &subtreeCache))
                }
            }
            graph[path] = targets
        }
        var state: [[String]: Int] = [:]   // 1 = on stack, 2 = done
        for start in graph.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where state[start] == nil {
            if let cycle = dfs(start, graph, &state, stack: []) {
                let text = cycle.map { "data." + $0.joined(separator: ".") }.joined(separator: " -> ")
                throw RegoError(.recursion, "rule data.\(cycle[0].joined(separator: ".")) is recursive: \(text)", at: locations[cycle[0]])
            }
        }
    }

    private func dfs(_ node: [String], _ graph: [[String]: Set<[String]>], _ state: inout [[String]: Int], stack: [[String]]) -> [[String]]? {
        state[node] = 1
        for next in (graph[node] ?? []).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if state[next] == 1 {
                let from = stack.firstIndex(of: next) ?? stack.count
                return Array((stack + [node])[from...]) + [next]
            }
            if state[next] == nil, let cycle = dfs(next, graph, &state, stack: stack + [node]) { return cycle }
        }
        state[node] = 2
        return nil
    }

    private func collect(_ node: RuleNode, path: [String], _ body: ([String], [CompiledRule]) -> Void) {
        if !node.rules.isEmpty { body(path, node.rules) }
        for (name, child) in node.children { collect(child, path: path + [name], body) }
    }

    /// Rule paths a `data` ref pattern (nil = any key) can reach: rules along it (their values are indexed)
    /// and every rule below where it ends.
    private func dependencies(of pattern: [String?], cache: inout [[String]: [[String]]]) -> [[String]] {
        var out: [[String]] = []
        walk(policy.tree, path: [], pattern[...], into: &out, cache: &cache)
        return out
    }

    private func walk(_ node: RuleNode, path: [String], _ pattern: ArraySlice<String?>, into out: inout [[String]],
                      cache: inout [[String]: [[String]]]) {
        guard let key = pattern.first else {
            if let cached = cache[path] { out += cached; return }
            var below: [[String]] = []
            collect(node, path: path) { p, _ in below.append(p) }
            cache[path] = below
            out += below
            return
        }
        if !node.rules.isEmpty { out.append(path) }
        if let key {
            if let next = node.children[key] { walk(next, path: path + [key], pattern.dropFirst(), into: &out, cache: &cache) }
        } else {
            for (name, child) in node.children { walk(child, path: path + [name], pattern.dropFirst(), into: &out, cache: &cache) }
        }
    }

    /// The pattern of every `data` ref and `data.…` call in a rule (nil where a key is not constant).
    static func dataRefs(_ rule: Rule) -> [[String?]] {
        var out: [[String?]] = []
        var terms = [rule.value] + rule.ref + rule.args
        if let key = rule.key { terms.append(key) }
        var exprs = rule.body
        for clause in rule.elseChain {
            terms.append(clause.value)
            exprs += clause.body
        }
        for e in exprs { e.visitTerms { terms.append($0) } }
        for t in terms { t.visit { collectRef($0, into: &out) } }
        return out
    }

    private static func collectRef(_ t: Term, into out: inout [[String?]]) {
        switch t.kind {
        case .ref(let parts) where parts[0].variableName == "data":
            out.append(parts.dropFirst().map { p -> String? in
                if case .value(.string(let s)) = p.kind { return s }
                if case .value(.number(let n)) = p.kind { return n.description }
                return nil
            })
        case .call(let name, _) where name.hasPrefix("data."):
            out.append(name.split(separator: ".").dropFirst().map(String.init))
        default: break
        }
    }
}

extension Term {
    /// Calls `body` for this term and every nested term (including comprehension bodies).
    public func visit(_ body: (Term) -> Void) {
        body(self)
        switch kind {
        case .value, .variable: break
        case .ref(let parts), .array(let parts), .set(let parts), .call(_, let parts): for p in parts { p.visit(body) }
        case .object(let pairs): for p in pairs { p.key.visit(body); p.value.visit(body) }
        case .arrayComprehension(let h, let b), .setComprehension(let h, let b):
            h.visit(body)
            for e in b { e.visitTerms { $0.visit(body) } }
        case .objectComprehension(let k, let v, let b):
            k.visit(body)
            v.visit(body)
            for e in b { e.visitTerms { $0.visit(body) } }
        }
    }
}

extension Expr {
    /// Calls `body` with each top-level term of the expression (and of `every` bodies); `with` values included.
    public func visitTerms(_ body: (Term) -> Void) {
        switch kind {
        case .term(let t): body(t)
        case .unify(let a, let b), .assign(let a, let b): body(a); body(b)
        case .someDecl: break
        case .someIn(let k, let v, let c): if let k { body(k) }; body(v); body(c)
        case .every(_, _, let d, let inner):
            body(d)
            for e in inner { e.visitTerms(body) }
        }
        for w in with { body(w.value) }
    }
}
