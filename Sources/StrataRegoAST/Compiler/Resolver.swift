/// Compiler stage: resolves names in a module. Rule names of the package and import aliases
/// become `data` refs; function calls get their full `data.…` name; locals (`:=`, `some`, args) shadow.
struct Resolver {
    let package: [String]
    let ruleNames: Set<String>
    let aliases: [String: [String]]
    let isBuiltin: (String) -> Bool

    init(module: Module, ruleNames: Set<String>, isBuiltin: @escaping (String) -> Bool) {
        self.isBuiltin = isBuiltin
        self.package = module.package
        self.ruleNames = ruleNames
        var aliases: [String: [String]] = [:]
        for imp in module.imports where imp.path.first == "data" || imp.path.first == "input" {
            aliases[imp.boundName] = imp.path
        }
        self.aliases = aliases
    }

    func resolve(rule: Rule) -> Rule {
        var locals = Set<String>()
        for a in rule.args { locals.formUnion(a.allVars) }
        locals.formUnion(Resolver.declarations(rule.body))
        var out = rule
        out.args = rule.args
        out.ref = [rule.ref[0]] + rule.ref.dropFirst().map { resolve($0, locals) }
        out.key = rule.key.map { resolve($0, locals) }
        out.value = resolve(rule.value, locals)
        out.body = resolve(body: rule.body, locals)
        out.elseChain = rule.elseChain.map { clause in
            var c = clause
            let l = locals.union(Resolver.declarations(clause.body))
            c.value = resolve(clause.value, l)
            c.body = resolve(body: clause.body, l)
            return c
        }
        return out
    }

    static func declarations(_ body: [Expr]) -> Set<String> {
        var out = Set<String>()
        for e in body { out.formUnion(e.declaredVars) }
        return out
    }

    func resolve(body: [Expr], _ locals: Set<String>) -> [Expr] {
        let scope = locals.union(Resolver.declarations(body))
        return body.map { resolve($0, scope) }
    }

    func resolve(_ e: Expr, _ locals: Set<String>) -> Expr {
        var out = e
        switch e.kind {
        case .term(let t): out.kind = .term(resolve(t, locals))
        case .unify(let a, let b): out.kind = .unify(resolve(a, locals), resolve(b, locals))
        case .assign(let a, let b): out.kind = .assign(resolve(a, locals), resolve(b, locals))
        case .someDecl: break
        case .someIn(let key, let value, let coll):
            out.kind = .someIn(key: key.map { resolve($0, locals) }, value: resolve(value, locals), collection: resolve(coll, locals))
        case .every(let key, let value, let domain, let body):
            var inner = locals.union(value.allVars)
            if let key { inner.formUnion(key.allVars) }
            out.kind = .every(key: key, value: value, domain: resolve(domain, locals), body: resolve(body: body, inner))
        }
        out.with = e.with.map { WithModifier(target: resolveWithTarget($0.target, locals), value: resolve($0.value, locals)) }
        return out
    }

    func resolveWithTarget(_ t: Term, _ locals: Set<String>) -> Term {
        if case .variable(let v) = t.kind, !ruleNames.contains(v), aliases[v] == nil { return t }
        return resolve(t, locals)
    }

    func resolve(_ t: Term, _ locals: Set<String>) -> Term {
        var out = t
        switch t.kind {
        case .value: return t
        case .variable(let v):
            guard !locals.contains(v) else { return t }
            if let path = aliases[v] { return Resolver.refTerm(path, at: t.location) }
            if ruleNames.contains(v) { return Resolver.refTerm(["data"] + package + [v], at: t.location) }
            return t
        case .ref(let parts):
            let head = resolve(parts[0], locals)
            let rest = parts.dropFirst().map { resolve($0, locals) }
            if case .ref(let headParts) = head.kind { out.kind = .ref(headParts + rest) } else { out.kind = .ref([head] + rest) }
        case .array(let items): out.kind = .array(items.map { resolve($0, locals) })
        // OPA keeps literal sets and objects in term order and evaluates them in it (`SetLiteralOrder`).
        case .set(let items): out.kind = .set(SetLiteralOrder.sorted(items.map { resolve($0, locals) }))
        case .object(let pairs):
            out.kind = .object(SetLiteralOrder.sorted(pairs.map { TermPair(key: resolve($0.key, locals), value: resolve($0.value, locals)) }, by: \.key))
        case .call(let name, let args): out.kind = .call(resolve(callName: name, locals), args.map { resolve($0, locals) })
        case .arrayComprehension(let h, let body):
            let l = locals.union(Resolver.declarations(body))
            out.kind = .arrayComprehension(resolve(h, l), resolve(body: body, l))
        case .setComprehension(let h, let body):
            let l = locals.union(Resolver.declarations(body))
            out.kind = .setComprehension(resolve(h, l), resolve(body: body, l))
        case .objectComprehension(let k, let v, let body):
            let l = locals.union(Resolver.declarations(body))
            out.kind = .objectComprehension(resolve(k, l), resolve(v, l), resolve(body: body, l))
        }
        return out
    }

    func resolve(callName: String, _ locals: Set<String>) -> String {
        var parts = callName.split(separator: ".").map(String.init)
        guard let first = parts.first else { return callName }
        if aliases[first] == nil, isBuiltin(callName) { return callName }
        if let path = aliases[first] {
            parts = path + parts.dropFirst()
        } else if ruleNames.contains(first) {
            parts = ["data"] + package + parts
        }
        return parts.joined(separator: ".")
    }

    static func refTerm(_ path: [String], at loc: Location) -> Term {
        let head = Term(.variable(path[0]), at: loc)
        if path.count == 1 { return head }
        return Term(.ref([head] + path.dropFirst().map { Term.string($0, at: loc) }), at: loc)
    }
}
