import StrataRegoAST

/// Prepares a query: records each expression's value and finds the output variables. Queries are not
/// inside a package, so their names need no resolution (`data.…`, `input`, builtins, locals).
enum QueryPlanner {
    static func exprVar(_ i: Int) -> String { "$expr\(i)" }

    /// Rewrites a plain term expression `t` to `$exprN = t` so its value is kept for the result.
    static func capture(_ e: Expr, index: Int, _ evaluator: Evaluator) -> Expr {
        guard case .term(let t) = e.kind, !e.negated else { return e }
        if case .call(let name, let args) = t.kind, let arity = evaluator.arity(of: name), arity >= 0, args.count == arity + 1 {
            return e
        }
        var out = e
        out.kind = .unify(Term(.variable(exprVar(index)), at: t.location), t)
        return out
    }

    /// Variables the query binds that OPA reports (not wildcards or generated names).
    static func outputVars(_ body: [Expr]) -> [String] {
        var vars = Set<String>()
        for e in body { vars.formUnion(e.allVars) }
        return vars.filter { !$0.hasPrefix("$") && $0 != "data" && $0 != "input" && !$0.hasPrefix("__local") }.sorted()
    }

    /// Source text of each query expression (for `opa eval` output).
    static func texts(_ body: [Expr], source: String) -> [String] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return body.enumerated().map { i, e in
            let row = e.location.row - 1
            guard row >= 0, row < lines.count else { return source }
            let line = Array(lines[row].utf8)
            let start = max(0, e.location.col - 1)
            var end = line.count
            if i + 1 < body.count, body[i + 1].location.row == e.location.row { end = max(start, body[i + 1].location.col - 1) }
            var text = String(decoding: line[min(start, line.count)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.hasSuffix(";") { text.removeLast() }
            return text.trimmingCharacters(in: .whitespaces)
        }
    }
}
