extension Term {
    /// Every variable occurring in the term, including inside comprehensions.
    public var allVars: Set<String> {
        var out = Set<String>()
        collectVars(into: &out)
        return out
    }

    func collectVars(into out: inout Set<String>) {
        switch kind {
        case .value: break
        case .variable(let v): out.insert(v)
        case .ref(let parts), .array(let parts), .set(let parts): for p in parts { p.collectVars(into: &out) }
        case .call(_, let args): for a in args { a.collectVars(into: &out) }
        case .object(let pairs): for p in pairs { p.key.collectVars(into: &out); p.value.collectVars(into: &out) }
        case .arrayComprehension(let t, let body), .setComprehension(let t, let body):
            t.collectVars(into: &out)
            for e in body { e.collectVars(into: &out) }
        case .objectComprehension(let k, let v, let body):
            k.collectVars(into: &out)
            v.collectVars(into: &out)
            for e in body { e.collectVars(into: &out) }
        }
    }
}

extension Expr {
    /// Every variable occurring in the expression (and its `with` modifiers).
    public var allVars: Set<String> {
        var out = Set<String>()
        collectVars(into: &out)
        return out
    }

    func collectVars(into out: inout Set<String>) {
        switch kind {
        case .term(let t): t.collectVars(into: &out)
        case .unify(let a, let b), .assign(let a, let b):
            a.collectVars(into: &out)
            b.collectVars(into: &out)
        case .someDecl(let names): out.formUnion(names)
        case .someIn(let key, let value, let coll):
            key?.collectVars(into: &out)
            value.collectVars(into: &out)
            coll.collectVars(into: &out)
        case .every(let key, let value, let domain, let body):
            key?.collectVars(into: &out)
            value.collectVars(into: &out)
            domain.collectVars(into: &out)
            for e in body { e.collectVars(into: &out) }
        }
        for w in with {
            w.target.collectVars(into: &out)
            w.value.collectVars(into: &out)
        }
    }

    /// Variables this expression declares as local (`:=`, `some`).
    public var declaredVars: Set<String> {
        switch kind {
        case .assign(let lhs, _): return lhs.allVars
        case .someDecl(let names): return Set(names)
        case .someIn(let key, let value, _): return value.allVars.union(key?.allVars ?? [])
        default: return []
        }
    }
}
