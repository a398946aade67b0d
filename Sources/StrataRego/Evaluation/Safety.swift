import StrataRegoAST

/// Decides at run time which body expression can run next, so `x = y; y = 1` works (OPA reorders
/// bodies for safety at compile time; we reorder dynamically against the current bindings).
struct Safety {
    let b: Bindings
    /// The body's remaining expressions; `skip` is the one being checked (the others may bind variables).
    let rest: [Expr]
    let skip: Int
    let arity: (String) -> Int?

    init(b: Bindings, others: [Expr], arity: @escaping (String) -> Int?) {
        self.init(b: b, rest: others, skip: -1, arity: arity)
    }

    init(b: Bindings, rest: [Expr], skip: Int, arity: @escaping (String) -> Int?) {
        self.b = b
        self.rest = rest
        self.skip = skip
        self.arity = arity
    }

    static func pickNext(_ rest: [Expr], _ b: Bindings, arity: (String) -> Int?) -> Int? {
        withoutActuallyEscaping(arity) { a in
            rest.indices.first { Safety(b: b, rest: rest, skip: $0, arity: a).canEval(rest[$0]) }
        }
    }

    static func unsafeError(_ rest: [Expr], _ b: Bindings) -> RegoError {
        var unbound: [String] = []
        for e in rest { unbound += e.allVars.filter { b[$0] == nil && !$0.hasPrefix("$") && $0 != "data" && $0 != "input" } }
        let name = unbound.sorted().first ?? "?"
        return RegoError(.unsafeVar, "var \(name) is unsafe", at: rest[0].location)
    }

    /// Variables of the other expressions that could still be bound from outside a closure
    /// (those the others declare with `:=`/`some` are new variables, not captured ones).
    private var otherVars: Set<String> {
        var out = Set<String>()
        var declared = Set<String>()
        for (i, e) in rest.enumerated() where i != skip && !e.negated {
            out.formUnion(e.bindableVars)
            declared.formUnion(e.declaredVars)
        }
        return out.subtracting(declared)
    }

    func canEval(_ e: Expr) -> Bool {
        for w in e.with where !ready(w.value) {
            guard let name = Term.dottedName(w.value), arity(name) != nil else { return false }
        }
        if e.negated {
            let free = e.allVars.filter { b[$0] == nil && $0 != "data" && $0 != "input" }
            if !free.isEmpty, !free.isDisjoint(with: otherVars) { return false }
        }
        if case .every(let key, let value, _, let body) = e.kind {
            var free = Set<String>()
            for x in body { free.formUnion(x.allVars) }
            free.subtract(value.allVars.union(key?.allVars ?? []))
            free = free.filter { b[$0] == nil && $0 != "input" && $0 != "data" }
            if !free.isEmpty, !free.isDisjoint(with: otherVars) { return false }
        }
        switch e.kind {
        case .term(let t): return termExprReady(t)
        case .unify(let l, let r), .assign(let l, let r): return unifiable(l, r)
        case .someDecl: return true
        case .someIn(_, _, let coll): return ready(coll)
        case .every(_, _, let domain, _): return ready(domain)
        }
    }

    private func termExprReady(_ t: Term) -> Bool {
        if case .call(let name, let args) = t.kind, let n = arity(name), n >= 0, args.count == n + 1 {
            return args.dropLast().allSatisfy(ready) && pattern(args.last!)
        }
        return ready(t)
    }

    private func unifiable(_ l: Term, _ r: Term) -> Bool {
        if ready(l) && pattern(r) || ready(r) && pattern(l) { return true }
        switch (l.kind, r.kind) {
        case (.array(let a), .array(let c)) where a.count == c.count:
            return zip(a, c).allSatisfy { unifiable($0, $1) }
        case (.object(let a), .object(let c)) where a.count == c.count:
            guard let pairs = Evaluator.matchKeys(a, c) else { return false }
            return pairs.allSatisfy { unifiable($0.0, $0.1) }
        default: return false
        }
    }

    /// A term that can be matched against a value (vars get bound).
    func pattern(_ t: Term) -> Bool {
        switch t.kind {
        case .variable: return true
        case .array(let items): return items.allSatisfy(pattern)
        case .object(let pairs): return pairs.allSatisfy { ready($0.key) && pattern($0.value) }
        default: return ready(t)
        }
    }

    /// A term whose value(s) can be computed from the current bindings.
    func ready(_ t: Term) -> Bool {
        switch t.kind {
        case .value: return true
        case .variable(let v): return b[v] != nil || v == "input" || v == "data"
        case .ref(let parts):
            let head = parts[0]
            if let v = head.variableName {
                guard v == "data" || v == "input" || b[v] != nil else { return false }
            } else if !ready(head) {
                return false
            }
            return parts.dropFirst().allSatisfy(pattern)
        case .array(let items), .set(let items): return items.allSatisfy(ready)
        case .object(let pairs): return pairs.allSatisfy { ready($0.key) && ready($0.value) }
        case .call(_, let args):
            let produced = Safety.indexVars(args)
            return args.allSatisfy { a in
                if let v = a.variableName, produced.contains(v) { return true }
                return ready(a)
            }
        case .arrayComprehension, .setComprehension, .objectComprehension:
            let free = t.allVars.filter { b[$0] == nil && $0 != "input" && $0 != "data" }
            return free.isDisjoint(with: otherVars)
        }
    }
}

extension Safety {
    /// Variables in ref index positions of the terms (iteration binds them).
    static func indexVars(_ terms: [Term]) -> Set<String> {
        var out = Set<String>()
        for t in terms {
            guard case .ref(let parts) = t.kind else { continue }
            for p in parts.dropFirst() { if let v = p.variableName { out.insert(v) } }
        }
        return out
    }
}

extension Expr {
    /// Variables this expression can bind in its own scope (not those inside comprehensions or `every`).
    var bindableVars: Set<String> {
        switch kind {
        case .term(let t): return t.outerVars
        case .unify(let a, let b), .assign(let a, let b): return a.outerVars.union(b.outerVars)
        case .someDecl(let names): return Set(names)
        case .someIn(let k, let v, let c): return v.outerVars.union(k?.outerVars ?? []).union(c.outerVars)
        case .every(_, _, let d, _): return d.outerVars
        }
    }
}

extension Term {
    /// Variables outside comprehensions.
    var outerVars: Set<String> {
        switch kind {
        case .value, .arrayComprehension, .setComprehension, .objectComprehension: return []
        case .variable(let v): return v == "input" || v == "data" ? [] : [v]
        case .ref(let parts), .array(let parts), .set(let parts), .call(_, let parts):
            return parts.reduce(into: Set<String>()) { $0.formUnion($1.outerVars) }
        case .object(let pairs):
            return pairs.reduce(into: Set<String>()) { $0.formUnion($1.key.outerVars); $0.formUnion($1.value.outerVars) }
        }
    }

    var isCall: Bool { if case .call = kind { return true } else { return false } }

    /// Whether a ref or call sits inside this collection (not counting comprehension bodies).
    var nestsDynamicTerm: Bool {
        switch kind {
        case .ref, .call: return true
        case .value, .variable, .arrayComprehension, .setComprehension, .objectComprehension: return false
        case .array(let items), .set(let items): return items.contains { $0.nestsDynamicTerm }
        case .object(let pairs): return pairs.contains { $0.key.nestsDynamicTerm || $0.value.nestsDynamicTerm }
        }
    }

    var hasComprehension: Bool {
        switch kind {
        case .arrayComprehension, .setComprehension, .objectComprehension: return true
        case .value, .variable: return false
        case .ref(let parts), .array(let parts), .set(let parts), .call(_, let parts): return parts.contains { $0.hasComprehension }
        case .object(let pairs): return pairs.contains { $0.key.hasComprehension || $0.value.hasComprehension }
        }
    }
}
