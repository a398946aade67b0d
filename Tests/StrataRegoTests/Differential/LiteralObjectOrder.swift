import StrataRegoAST

/// OPA iterates an object built from a literal with keys computed at run time (`{" x ": 0, input.s: 2}`)
/// in the literal's order — constant keys first, then the computed ones — not in key order, so
/// `[x | some x in obj]` can list its values in another order than Strata (which iterates sorted keys).
/// A disagreement is this quirk when the program has such a literal and the results are equal once
/// every array is sorted.
enum LiteralObjectOrder {
    static func applies(_ p: FuzzProgram) -> Bool {
        guard let module = try? Parser.parseModule(p.module, file: FuzzProgram.moduleName) else { return false }
        var found = false
        func visit(_ t: Term) {
            switch t.kind {
            case .object(let pairs):
                if pairs.contains(where: { $0.key.constantValue == nil }) { found = true }
                pairs.forEach { visit($0.key); visit($0.value) }
            case .ref(let items), .array(let items), .set(let items), .call(_, let items): items.forEach(visit)
            case .arrayComprehension(let h, let body), .setComprehension(let h, let body): visit(h); body.forEach(visitExpr)
            case .objectComprehension(let k, let v, let body): visit(k); visit(v); body.forEach(visitExpr)
            case .value, .variable: break
            }
        }
        func visitExpr(_ e: Expr) {
            e.visitTerms(visit)
        }
        for rule in module.rules {
            ([rule.value] + rule.args + rule.ref + (rule.key.map { [$0] } ?? [])).forEach(visit)
            rule.body.forEach(visitExpr)
            for clause in rule.elseChain { visit(clause.value); clause.body.forEach(visitExpr) }
        }
        return found
    }

    static func equalIgnoringArrayOrder(_ a: FuzzOutcome, _ b: FuzzOutcome) -> Bool {
        guard case .rows(let x) = a, case .rows(let y) = b else { return false }
        return x.map { $0.map(sorted) } == y.map { $0.map(sorted) }
    }

    private static func sorted(_ v: Value) -> Value {
        switch v {
        case .array(let items): return .array(items.map(sorted).sorted())
        case .object(let o): return .object(o.mapValues(sorted))
        default: return v
        }
    }
}
