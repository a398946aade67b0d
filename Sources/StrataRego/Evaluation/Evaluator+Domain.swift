import StrataRegoAST

extension Evaluator {
    /// The entries a `some … in` or `every` domain iterates: a set literal with non-constant terms, or an
    /// object literal with computed keys, in OPA's insertion order (`SetLiteralOrder`); anything else sorted.
    func evalDomain(_ t: Term, _ b: Bindings, _ k: (Value, [(Value, Value)], Bindings) throws -> Void) throws {
        if case .set(let items) = t.kind, SetLiteralOrder.applies(items) {
            // Terms that evaluate to equal values are each visited, as OPA does (`some x in {input.s, "a"}`
            // with `input.s == "a"` visits "a" twice).
            try evalTerms(SetLiteralOrder.sorted(items)[...], b) { values, b2 in
                try k(.set(Set(values)), values.map { ($0, $0) }, b2)
            }
        } else if case .object(let pairs) = t.kind, pairs.contains(where: { $0.key.constantValue == nil }) {
            let ordered = SetLiteralOrder.sorted(pairs, by: \.key)
            // Each pair is visited, with the value of the first pair whose key is equal, as OPA's iteration
            // over such a literal does (`{input.s: 1, "a": 2}` with `input.s == "a"` visits ("a", 2) twice).
            try evalTerms(ordered.flatMap { [$0.key, $0.value] }[...], b) { values, b2 in
                var first: [Value: Value] = [:]
                var keys: [Value] = []
                for i in stride(from: 0, to: values.count, by: 2) {
                    if first[values[i]] == nil { first[values[i]] = values[i + 1] }
                    keys.append(values[i])
                }
                try k(.object(first), keys.map { ($0, first[$0]!) }, b2)
            }
        } else {
            try evalTerm(t, b) { v, b2 in try k(v, self.sortedEntries.entries(v), b2) }
        }
    }
}
