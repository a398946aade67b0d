/// Derives a clause's `IndexCondition`s the way OPA's compiler rewrites and then indexes it
/// (ast/compile.go `rewriteDynamics`, `rewriteRefsInHead`; ast/index.go `eqOperandsToRefAndValue`).
struct IndexConditions {
    /// Whether a ground `data` ref reaches a rule (virtual documents are never indexed).
    let isVirtual: ([Value]) -> Bool
    /// Variable names of the function's arguments (OPA indexes `arg = scalar` too).
    let arguments: Set<String>

    /// Conditions of one clause: its body's top-level expressions and the head terms OPA moves into it.
    func clause(body: [Expr], head: [Term]) -> [IndexCondition] {
        // OPA does not index bodies calling print (ast/index.go skipIndexing).
        if body.contains(where: { if case .term(let t) = $0.kind, case .call("print", _) = t.kind { return true }; return false }) {
            return []
        }
        var out = body.flatMap(expression)
        for t in head { out += equality(.init(.variable("$head"), at: t.location), t) }
        return out
    }

    private func expression(_ e: Expr) -> [IndexCondition] {
        guard e.with.isEmpty else { return [] }
        if e.negated {
            guard !e.negationIsWhole else { return [] }
            // Only what OPA hoists out of the negation is indexed: call operands and ref keys.
            guard case .term(let t) = e.kind else { return [] }
            switch t.kind {
            case .call("equal", let args) where args.count == 2: return args.flatMap(operandOfEquality)
            case .call(_, let args): return args.flatMap(nested)
            case .ref: return keys(t)
            default: return nested(t)
            }
        }
        switch e.kind {
        case .term(let t):
            switch t.kind {
            case .ref: return document(t, .defined) + keys(t)
            case .call("equal", let args) where args.count == 2: return equality(args[0], args[1])
            case .call("internal.member_2", let args) where args.count == 2: return membership(args[0], args[1])
            case .call(_, let args): return args.flatMap(nested)
            default: return nested(t)
            }
        case .unify(let l, let r), .assign(let l, let r): return equality(l, r)
        case .someIn(_, _, let coll): return keys(coll)
        case .every(_, _, let domain, _):
            if case .ref = domain.kind { return document(domain, .defined) + keys(domain) }
            return nested(domain)
        case .someDecl: return []
        }
    }

    /// `l = r` (also `==`, `:=`): a top-level ref stays in place and is indexed against the other side.
    private func equality(_ l: Term, _ r: Term) -> [IndexCondition] {
        var out = operandOfEquality(l) + operandOfEquality(r)
        if let c = indexed(l, against: r) ?? indexed(r, against: l) { out.insert(c, at: 0) }
        return out
    }

    /// `x in xs` with a constant array or set: OPA indexes the ref (or function argument) `x` by its members.
    private func membership(_ element: Term, _ collection: Term) -> [IndexCondition] {
        let members: Set<Value>
        switch collection.constantValue {
        case .array(let items)?: members = Set(items)
        case .set(let items)?: members = items
        default: return [element, collection].flatMap(nested)
        }
        if let v = element.variableName {
            return arguments.contains(v) ? [IndexCondition(subject: .local(v), match: .oneOf(members))] : []
        }
        if case .ref = element.kind { return document(element, .oneOf(members)) + keys(element) }
        return nested(element)
    }

    private func indexed(_ subject: Term, against other: Term) -> IndexCondition? {
        guard let match = indexValue(other) else { return nil }
        if let v = subject.variableName {
            guard arguments.contains(v), match != .defined else { return nil }
            return IndexCondition(subject: .local(v), match: match)
        }
        return document(subject, match).first
    }

    /// What an equality operand contributes apart from its own indexing.
    private func operandOfEquality(_ t: Term) -> [IndexCondition] {
        if case .ref = t.kind { return keys(t) }
        return nested(t)
    }

    /// The other side of an indexed equality after OPA's rewriting: calls, refs and comprehensions
    /// nested in it have become variables; nested collections stop indexing.
    private func indexValue(_ t: Term) -> IndexCondition.Match? {
        switch t.kind {
        case .value(let v): return .scalar(v)
        case .variable, .call: return .defined
        case .array(let items):
            var pattern: [Value?] = []
            for item in items {
                switch item.kind {
                case .value(let v): pattern.append(v)
                case .variable, .call, .ref, .arrayComprehension, .setComprehension, .objectComprehension: pattern.append(nil)
                case .array, .object, .set: return nil
                }
            }
            return .array(pattern)
        default: return nil
        }
    }

    /// Refs OPA hoists out of a term that is an operand of a call or sits inside a collection.
    private func nested(_ t: Term) -> [IndexCondition] {
        switch t.kind {
        case .ref: return document(t, .defined) + keys(t)
        case .call(_, let args): return args.flatMap(nested)
        case .array(let items), .set(let items): return items.flatMap(nested)
        case .object(let pairs): return pairs.flatMap { nested($0.key) + nested($0.value) }
        case .value, .variable, .arrayComprehension, .setComprehension, .objectComprehension: return []
        }
    }

    /// Refs hoisted from a ref's keys (and from its head when that is a call or collection).
    private func keys(_ t: Term) -> [IndexCondition] {
        guard case .ref(let parts) = t.kind else { return nested(t) }
        let head = parts[0].variableName == nil ? nested(parts[0]) : []
        return head + parts.dropFirst().flatMap(nested)
    }

    /// A ground ref into `input` or base `data`, as an indexable subject.
    private func document(_ t: Term, _ match: IndexCondition.Match) -> [IndexCondition] {
        guard case .ref(let parts) = t.kind, let root = parts[0].variableName, root == "input" || root == "data" else { return [] }
        var path: [Value] = []
        for p in parts.dropFirst() {
            guard case .value(let v) = p.kind else { return [] }
            path.append(v)
        }
        if root == "data", isVirtual(path) { return [] }
        return [IndexCondition(subject: .document(root: root, path: path), match: match)]
    }
}
