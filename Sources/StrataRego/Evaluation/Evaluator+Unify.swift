import StrataRegoAST

extension Evaluator {
    /// Unifies two terms (`a = b`, `a := b`).
    func unifyTerms(_ l: Term, _ r: Term, _ b: Bindings, _ k: BodyContinuation) throws {
        // `ready` never asks for arities; a non-capturing closure avoids an allocation per unification.
        let safety = Safety(b: b, others: [], arity: { _ in nil })
        if safety.ready(l) {
            return try evalTerm(l, b) { lv, b2 in try self.unify(r, lv, b2, k) }
        }
        if safety.ready(r) {
            return try evalTerm(r, b) { rv, b2 in try self.unify(l, rv, b2, k) }
        }
        if case .array(let a) = l.kind, case .array(let c) = r.kind, a.count == c.count {
            return try unifyPairs(Array(zip(a, c))[...], b, k)
        }
        if case .object(let a) = l.kind, case .object(let c) = r.kind, a.count == c.count,
           let pairs = Evaluator.matchKeys(a, c) {
            return try unifyPairs(pairs[...], b, k)
        }
        throw RegoError(.unsafeVar, "var \(l.allVars.union(r.allVars).filter { b[$0] == nil }.sorted().first ?? "?") is unsafe", at: l.location)
    }

    /// Pairs the values of two object literals with the same constant keys.
    static func matchKeys(_ a: [TermPair], _ c: [TermPair]) -> [(Term, Term)]? {
        var byKey: [Value: Term] = [:]
        for p in c {
            guard let k = p.key.constantValue else { return nil }
            byKey[k] = p.value
        }
        var out: [(Term, Term)] = []
        for p in a {
            guard let k = p.key.constantValue, let other = byKey[k] else { return nil }
            out.append((p.value, other))
        }
        return out
    }

    private func unifyPairs(_ pairs: ArraySlice<(Term, Term)>, _ b: Bindings, _ k: BodyContinuation) throws {
        guard let (l, r) = pairs.first else { return try k(b) }
        try unifyTerms(l, r, b) { b2 in try self.unifyPairs(pairs.dropFirst(), b2, k) }
    }

    /// Matches a term against a value, binding its unbound variables.
    func unify(_ t: Term, _ v: Value, _ b: Bindings, _ k: BodyContinuation) throws {
        switch t.kind {
        case .variable(let name):
            if let bound = b[name] {
                if bound == v { try k(b) }
                return
            }
            if name == "input" || name == "data" { break }
            var b2 = b
            b2[name] = v
            try k(b2)
            return
        case .array(let items):
            guard case .array(let values) = v, values.count == items.count else { return }
            return try unifyAll(Array(zip(items, values))[...], b, k)
        case .object(let pairs) where !isGround(t, b):
            guard case .object(let dict) = v, dict.count == pairs.count else { return }
            var matched: [(Term, Value)] = []
            for p in pairs {
                guard let key = try firstValue(p.key, b), let child = dict[key] else { return }
                matched.append((p.value, child))
            }
            return try unifyAll(matched[...], b, k)
        default: break
        }
        try evalTerm(t, b) { tv, b2 in if tv == v { try k(b2) } }
    }

    private func unifyAll(_ pairs: ArraySlice<(Term, Value)>, _ b: Bindings, _ k: BodyContinuation) throws {
        guard let (t, v) = pairs.first else { return try k(b) }
        try unify(t, v, b) { b2 in try self.unifyAll(pairs.dropFirst(), b2, k) }
    }
}
