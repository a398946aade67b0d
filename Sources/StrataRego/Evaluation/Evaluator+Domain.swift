import StrataRegoAST

extension Evaluator {
    /// The entries a `some … in` or `every` domain iterates: a set literal with non-constant terms, or an
    /// object literal with computed keys, in OPA's insertion order (`SetLiteralOrder`); anything else sorted.
    func evalDomain(_ t: Term, _ b: Bindings, _ k: (Value, [(Value, Value)], Bindings) throws -> Void) throws {
        if case .set(let items) = t.kind, SetLiteralOrder.applies(items) {
            try evalTerms(SetLiteralOrder.sorted(items)[...], b) { values, b2 in
                var seen = Set<Value>()
                var members: [(Value, Value)] = []
                for v in values where seen.insert(v).inserted { members.append((v, v)) }
                try k(.set(seen), members, b2)
            }
        } else if case .object(let pairs) = t.kind, pairs.contains(where: { $0.key.constantValue == nil }) {
            let ordered = SetLiteralOrder.sorted(pairs, by: \.key)
            try evalTerms(ordered.flatMap { [$0.key, $0.value] }[...], b) { values, b2 in
                var dict: [Value: Value] = [:]
                var keys: [Value] = []
                for i in stride(from: 0, to: values.count, by: 2) where dict.updateValue(values[i + 1], forKey: values[i]) == nil {
                    keys.append(values[i])
                }
                try k(.object(dict), keys.map { ($0, dict[$0]!) }, b2)
            }
        } else {
            try evalTerm(t, b) { v, b2 in try k(v, self.sortedEntries.entries(v), b2) }
        }
    }
}
