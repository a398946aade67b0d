import StrataRegoAST

/// Compile-time safety: every variable must be bound by some expression of its body before it is used
/// (and head variables by the body), else `rego_unsafe_var_error`, as OPA reports when compiling.
/// Uses the same readiness rules as evaluation, with placeholder bindings.
struct StaticSafety {
    let arity: (String) -> Int?

    func check(_ policy: CompiledPolicy) throws(RegoError) {
        for module in policy.modules {
            for rule in module.rules where !rule.isDefault { try check(rule) }
        }
    }

    private func check(_ rule: Rule) throws(RegoError) {
        var initial = Set<String>()
        for a in rule.args { initial.formUnion(a.outerVars) }
        var head = rule.value.outerVars.union(rule.key?.outerVars ?? [])
        for t in rule.ref.dropFirst() { head.formUnion(t.outerVars) }
        try check(rule.body, bound: initial, mustBind: head, at: rule.location)
        for clause in rule.elseChain {
            try check(clause.body, bound: initial, mustBind: clause.value.outerVars, at: clause.location)
        }
    }

    /// Orders a body like evaluation would; returns the variables bound after it.
    @discardableResult
    func check(_ body: [Expr], bound start: Set<String>, mustBind: Set<String> = [], at loc: Location) throws(RegoError) -> Set<String> {
        var bound = start
        var remaining = body
        while !remaining.isEmpty {
            let placeholders = Dictionary(uniqueKeysWithValues: bound.map { ($0, Value.null) })
            guard let i = Safety.pickNext(remaining, placeholders, arity: arity) else {
                throw Safety.unsafeError(remaining, placeholders)
            }
            let e = remaining.remove(at: i)
            try checkNested(e, bound: bound)
            if !e.negated, case .someDecl = e.kind {} else if !e.negated { bound.formUnion(e.bindableVars) }
        }
        let unbound = mustBind.filter { !bound.contains($0) && !$0.hasPrefix("$") && $0 != "input" && $0 != "data" }
        if let name = unbound.sorted().first {
            throw RegoError(.unsafeVar, "var \(name) is unsafe", at: loc)
        }
        return bound
    }

    private func checkNested(_ e: Expr, bound: Set<String>) throws(RegoError) {
        var terms: [Term] = []
        if case .every(let k, let v, let domain, let body) = e.kind {
            // The body's own check covers its comprehensions, with the iteration variables bound;
            // checking them again against the outer bindings would call those variables unsafe.
            try check(body, bound: bound.union(v.allVars).union(k?.allVars ?? []), at: e.location)
            terms = [domain] + e.with.map(\.value)
        } else {
            e.visitTerms { terms.append($0) }
        }
        for t in terms { try checkComprehensions(t, bound: bound) }
    }

    private func checkComprehensions(_ t: Term, bound: Set<String>) throws(RegoError) {
        switch t.kind {
        case .arrayComprehension(let h, let body), .setComprehension(let h, let body):
            let inner = try check(body, bound: bound, mustBind: h.outerVars, at: t.location)
            try checkComprehensions(h, bound: inner)
        case .objectComprehension(let k, let v, let body):
            let inner = try check(body, bound: bound, mustBind: k.outerVars.union(v.outerVars), at: t.location)
            try checkComprehensions(k, bound: inner)
            try checkComprehensions(v, bound: inner)
        case .value, .variable: break
        case .ref(let parts), .array(let parts), .set(let parts), .call(_, let parts):
            for p in parts { try checkComprehensions(p, bound: bound) }
        case .object(let pairs):
            for p in pairs {
                try checkComprehensions(p.key, bound: bound)
                try checkComprehensions(p.value, bound: bound)
            }
        }
    }
}
