import StrataRegoAST

extension Evaluator {
    /// Whether OPA's rule index would let a clause be evaluated (see `IndexCondition`): a clause it
    /// skips can never succeed, but skipping it also keeps its errors from being raised.
    func indexAdmits(_ conditions: [IndexCondition], _ b: Bindings) -> Bool {
        conditions.allSatisfy { c in
            guard let v = resolve(c.subject, b) else { return false }
            switch c.match {
            case .defined: return true
            case .scalar(let s): return v.isScalar && v == s
            case .array(let pattern):
                guard case .array(let items) = v, items.count == pattern.count else { return false }
                return zip(items, pattern).allSatisfy { item, p in p.map { item.isScalar && item == $0 } ?? true }
            }
        }
    }

    /// Conditions of clause `i` of a rule (none when the rule has fewer recorded clauses).
    func indexAdmits(_ rule: CompiledRule, clause i: Int, _ b: Bindings) -> Bool {
        i >= rule.clauseConditions.count || indexAdmits(rule.clauseConditions[i], b)
    }

    private func resolve(_ subject: IndexCondition.Subject, _ b: Bindings) -> Value? {
        switch subject {
        case .local(let name): return b[name]
        case .document(let root, let path):
            var v: Value?
            var rest = path[...]
            if root == "input" {
                v = ctx.input
            } else {
                var keys: [String] = []
                while let k = rest.first?.stringValue { keys.append(k); rest = rest.dropFirst() }
                v = baseData(at: keys)
            }
            for key in rest { v = v?[key] }
            return v
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
