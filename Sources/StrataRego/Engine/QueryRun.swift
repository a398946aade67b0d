import StrataRegoAST

/// Evaluates one parsed query and collects result rows.
struct QueryRun: Sendable {
    let policy: CompiledPolicy
    let options: RegoEngine.Options
    let body: [Expr]
    let texts: [String]
    let data: Value
    let input: Value?
    let plans: BodyPlanCache?

    func execute() throws(RegoError) -> EvalOutput {
        let evaluator = Evaluator(policy: policy, builtins: options.builtins, options: options.eval, data: data, input: input,
                                  plans: plans)
        let planned = body.enumerated().map { QueryPlanner.capture($0.element, index: $0.offset, evaluator) }
        let queryVars = QueryPlanner.outputVars(body)
        var rows: [QueryResult] = []
        do {
            try evaluator.evalRemaining(planned, [:]) { b in
                var exprs: [QueryResult.Expression] = []
                for (i, e) in body.enumerated() {
                    let v = b[QueryPlanner.exprVar(i)] ?? .true
                    // As OPA's rego package: a one-expression query reports its value even when it is false.
                    if v == .false, body.count > 1 { return }
                    exprs.append(.init(value: v, text: texts[i], location: e.location))
                }
                var bindings: [String: Value] = [:]
                for name in queryVars { if let v = b[name] { bindings[name] = v } }
                rows.append(QueryResult(expressions: exprs, bindings: bindings))
            }
        } catch let error as RegoError {
            throw error
        } catch {
            throw RegoError(.evalBuiltin, "\(error)")
        }
        return EvalOutput(results: rows, printed: evaluator.printed)
    }
}
