/// OPA's declared-variable rules, checked on bodies in source order before any reordering:
/// `:=` and `some` may not re-declare a name already assigned, declared, used as an argument or referenced in the
/// same scope (comprehension and `every` bodies open a new scope). In v1 modules, locals and rules must not shadow
/// `input` or `data`.
struct LocalVarCheck {
    let module: Module

    private enum Kind { case assigned, declared, argument, referenced }
    /// The names of this scope; `outer` holds those of enclosing scopes, which a nested scope reads without
    /// counting as its own references (so `[x | some x in [x]]` may re-declare an outer `x`).
    private struct Scope {
        var names: [String: Kind] = [:]
        var outer: Set<String> = []
        subscript(_ n: String) -> Kind? {
            get { names[n] }
            set { names[n] = newValue }
        }
        func child() -> Scope { Scope(names: [:], outer: outer.union(names.keys)) }
    }

    func check() throws(RegoError) {
        for rule in module.rules {
            if module.isV1, rule.ref.count == 1, rule.name == "input" || rule.name == "data" {
                let name = rule.name
                throw RegoError(.compile, "rules must not shadow \(name) (use a different rule name)", at: rule.location)
            }
            var args = Scope()
            for a in rule.args { for v in a.allVars where !Self.isGenerated(v) { args[v] = .argument } }
            var scope = args
            try body(rule.body, &scope)
            for clause in rule.elseChain {
                var s = args
                try body(clause.body, &s)
            }
        }
    }

    private static func isGenerated(_ v: String) -> Bool { v.hasPrefix("$") || v == "_" || v.hasPrefix("__") }

    private func body(_ exprs: [Expr], _ scope: inout Scope) throws(RegoError) {
        for e in exprs { try expr(e, &scope) }
    }

    private func expr(_ e: Expr, _ scope: inout Scope) throws(RegoError) {
        for w in e.with { try reference(w.value, &scope) }
        switch e.kind {
        case .assign(let lhs, let rhs):
            try reference(rhs, &scope)
            try declare(lhs, as: .assigned, at: e.location, &scope)
        case .someDecl(let names):
            for n in names where !Self.isGenerated(n) {
                if let previous = scope[n] { throw redeclared(n, previous, at: e.location) }
                scope[n] = .declared
            }
        case .someIn(let key, let value, let collection):
            // OPA's type checker: iterating a scalar literal can never match.
            if case .value(let v) = collection.kind, !v.isCollection {
                throw RegoError(.type, "match error\n\tleft  : ???\n\tright : ???", at: e.location)
            }
            try reference(collection, &scope)
            if let key { try declare(key, as: .declared, at: e.location, &scope) }
            try declare(value, as: .declared, at: e.location, &scope)
        case .every(let key, let value, let domain, let inner):
            try reference(domain, &scope)
            var child = scope.child()
            for t in [key, value].compactMap({ $0 }) { for v in t.allVars where !Self.isGenerated(v) { child[v] = .declared } }
            try body(inner, &child)
        case .term(let t):
            try reference(t, &scope)
        case .unify(let a, let b):
            try reference(a, &scope)
            try reference(b, &scope)
        }
    }

    private func redeclared(_ name: String, _ previous: Kind, at location: Location) -> RegoError {
        switch previous {
        case .assigned: return RegoError(.compile, "var \(name) assigned above", at: location)
        case .declared: return RegoError(.compile, "var \(name) declared above", at: location)
        case .argument: return RegoError(.compile, "arg \(name) redeclared", at: location)
        case .referenced: return RegoError(.compile, "var \(name) referenced above", at: location)
        }
    }

    private func declare(_ pattern: Term, as kind: Kind, at location: Location, _ scope: inout Scope) throws(RegoError) {
        var names: [String] = []
        Self.patternVars(pattern, into: &names)
        var seen = Set<String>()
        for n in names where !Self.isGenerated(n) {
            if module.isV1, n == "input" || n == "data" {
                throw RegoError(.compile, "variables must not shadow \(n) (use a different variable name)", at: location)
            }
            if let previous = scope[n] { throw redeclared(n, previous, at: location) }
            if !seen.insert(n).inserted { throw RegoError(.compile, "var \(n) assigned above", at: location) }
        }
        for n in seen { scope[n] = kind }
    }

    /// Variables a pattern binds (refs and calls inside it are references, not declarations).
    private static func patternVars(_ t: Term, into out: inout [String]) {
        switch t.kind {
        case .variable(let v): out.append(v)
        case .array(let parts): for p in parts { patternVars(p, into: &out) }
        case .object(let pairs): for p in pairs { patternVars(p.value, into: &out) }
        default: break
        }
    }

    /// Marks the variables a term reads; comprehension bodies are checked in their own scope.
    private func reference(_ t: Term, _ scope: inout Scope) throws(RegoError) {
        switch t.kind {
        case .value: break
        case .variable(let v): if !Self.isGenerated(v), scope[v] == nil, !scope.outer.contains(v) { scope[v] = .referenced }
        case .ref(let parts), .array(let parts), .set(let parts): for p in parts { try reference(p, &scope) }
        case .call(_, let args): for a in args { try reference(a, &scope) }
        case .object(let pairs): for p in pairs { try reference(p.key, &scope); try reference(p.value, &scope) }
        case .arrayComprehension(_, let inner), .setComprehension(_, let inner), .objectComprehension(_, _, let inner):
            var child = scope.child()
            try body(inner, &child)
        }
    }
}
