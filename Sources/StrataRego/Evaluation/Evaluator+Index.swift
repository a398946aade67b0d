import StrataRegoAST

extension Evaluator {
    /// Whether OPA's rule index would let a clause be evaluated (see `IndexCondition`): a clause it
    /// skips can never succeed, but skipping it also keeps its errors from being raised.
    func indexAdmits(_ conditions: [IndexCondition], _ b: Bindings) -> Bool {
        conditions.allSatisfy { c in
            guard let resolved = resolve(c.subject, b) else { return true }
            guard let v = resolved else { return false }
            switch c.match {
            case .defined: return true
            case .scalar(let s): return v.isScalar && v == s
            case .array(let pattern):
                guard case .array(let items) = v, items.count == pattern.count else { return false }
                return zip(items, pattern).allSatisfy { item, p in p.map { item.isScalar && item == $0 } ?? true }
            case .oneOf(let members): return !v.isScalar || members.contains(v)
            }
        }
    }

    /// Conditions of clause `i` of a rule (none when the rule has fewer recorded clauses).
    func indexAdmits(_ rule: CompiledRule, clause i: Int, _ b: Bindings) -> Bool {
        i >= rule.clauseConditions.count || indexAdmits(rule.clauseConditions[i], b)
    }

    /// The subject's value (nil: undefined), or nil when it is not a path Strata can resolve up front.
    private func resolve(_ subject: IndexCondition.Subject, _ b: Bindings) -> Value?? {
        switch subject {
        case .local(let name): return .some(b[name])
        case .document("input", let path):
            return .some(path.reduce(ctx.input) { $0?[$1] })
        case .document(_, let path):
            var keys: [String] = []
            var rest = path[...]
            while let k = rest.first?.stringValue { keys.append(k); rest = rest.dropFirst() }
            var v = baseData(at: keys)
            for p in rest {
                switch (v, p) {
                case (.array?, .number): v = v?[p]
                // The store addresses objects by strings: `data.x[2]` reads key "2".
                case (_, .number(let n)): v = v?[.string(n.description)]
                case (_, .string): v = v?[p]
                default: return nil
                }
            }
            return .some(v)
        }
    }
}

extension Value {
    var isScalar: Bool {
        switch self {
        case .null, .bool, .number, .string: true
        case .array, .object, .set: false
        }
    }
}

extension Value {
    /// Whether the value is cheap to hash as a memo key: a scalar, or a collection of at most 16 scalars.
    var isSmallKey: Bool {
        switch self {
        case .null, .bool, .number: return true
        case .string(let s): return s.utf8.count <= 256
        case .array(let items): return items.count <= 16 && items.allSatisfy(\.isScalar)
        case .set(let members): return members.count <= 16 && members.allSatisfy(\.isScalar)
        case .object(let dict): return dict.count <= 16 && dict.allSatisfy { $0.key.isScalar && $0.value.isScalar }
        }
    }
}
