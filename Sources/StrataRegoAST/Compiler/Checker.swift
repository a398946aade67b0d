/// Compile-time checks: rule kind conflicts, function arity, and calls to unknown functions.
struct Checker {
    let policy: CompiledPolicy
    let builtinArity: (String) -> Int?
    let operandTypes: (String) -> [String]?
    /// Result kinds of builtins, for type inference (`TypeInference`).
    var resultType: (String) -> String? = { _ in nil }

    func check() throws(RegoError) {
        try checkNode(policy.tree, path: [])
    }

    private func checkNode(_ node: RuleNode, path: [String]) throws(RegoError) {
        let functions = node.rules.filter(\.isFunction)
        if let f = functions.first {
            if functions.contains(where: { $0.rule.args.count != f.rule.args.count }) {
                throw RegoError(.type, "function \(path.joined(separator: ".")) has arity mismatch", at: f.rule.location)
            }
            if let other = node.rules.first(where: { !$0.isFunction }) {
                throw RegoError(.type, "rule \(path.joined(separator: ".")) conflicts with function", at: other.rule.location)
            }
        }
        let defaults = node.rules.filter { $0.rule.isDefault && $0.dynamicKeys.isEmpty }
        if defaults.count > 1 {
            throw RegoError(.type, "multiple default rules \(path.joined(separator: ".")) found", at: defaults[1].rule.location)
        }
        for rule in node.rules {
            try checkCalls(in: rule)
            var inference = TypeInference(resultType: resultType)
            try inference.check(rule.rule)
        }
        for (name, child) in node.children { try checkNode(child, path: path + [name]) }
    }

    private func checkCalls(in rule: CompiledRule) throws(RegoError) {
        var calls: [Call] = []
        try checkOperandTypes(in: rule.rule)
        var exprs = rule.rule.body
        for clause in rule.rule.elseChain {
            exprs += clause.body
            Checker.collectCalls(clause.value, into: &calls)
        }
        for e in exprs { Checker.collectCalls(e, into: &calls) }
        // Calls in rule heads are values: they never take an output argument.
        Checker.collectCalls(rule.rule.value, into: &calls)
        for call in calls {
            let (name, count, loc) = (call.name, call.arguments, call.location)
            func fits(_ arity: Int) -> Bool { count == arity || (call.mayBindOutput && count == arity + 1) }
            if name.hasPrefix("data.") {
                let path = Array(name.split(separator: ".").dropFirst().map(String.init))
                let rules = policy.rules(at: path).filter(\.isFunction)
                if let f = rules.first, !fits(f.rule.args.count) {
                    throw RegoError(.type, "function \(name) has arity \(f.rule.args.count), got \(count) arguments", at: loc)
                }
            } else if builtinArity(name) == nil {
                throw RegoError(.type, "undefined function \(name)", at: loc)
            } else if let arity = builtinArity(name), arity >= 0, !fits(arity) {
                throw RegoError(.type, "\(name): arity mismatch: expected \(arity) arguments, got \(count)", at: loc)
            }
        }
    }

    /// Literal operands of known builtins must have an accepted type.
    private func checkOperandTypes(in rule: Rule) throws(RegoError) {
        var terms: [Term] = [rule.value]
        for e in rule.body { e.visitTerms { terms.append($0) } }
        for clause in rule.elseChain {
            terms.append(clause.value)
            for e in clause.body { e.visitTerms { terms.append($0) } }
        }
        var failure: RegoError?
        for t in terms where failure == nil {
            t.visit { sub in
                guard failure == nil, case .call(let name, let args) = sub.kind, let types = operandTypes(name) else { return }
                for (i, (arg, allowed)) in zip(args, types).enumerated() {
                    guard allowed != "any", let v = arg.constantValue else { continue }
                    let accepted = allowed.split(separator: "|").map(String.init)
                    if !accepted.contains(v.typeName) {
                        failure = RegoError(.type, "\(name): invalid argument(s): operand \(i + 1) must be \(accepted.joined(separator: " or ")) but got \(v.typeName)", at: sub.location)
                        return
                    }
                }
            }
        }
        if let failure { throw failure }
    }

    /// A call found in a rule; only a call that is a whole expression may bind an extra output argument.
    struct Call {
        var name: String
        var arguments: Int
        var location: Location
        var mayBindOutput: Bool
    }

    static func collectCalls(_ e: Expr, into calls: inout [Call]) {
        var terms: [Term] = []
        switch e.kind {
        case .term(let t):
            if case .call(let name, let args) = t.kind {
                calls.append(Call(name: name, arguments: args.count, location: t.location, mayBindOutput: true))
                for a in args { collectCalls(a, into: &calls) }
                return
            }
            terms = [t]
        case .unify(let a, let b), .assign(let a, let b): terms = [a, b]
        case .someIn(let k, let v, let c): terms = [k, v, c].compactMap { $0 }
        case .every(_, _, let d, let body):
            terms = [d]
            for b in body { collectCalls(b, into: &calls) }
        case .someDecl: break
        }
        for t in terms { collectCalls(t, into: &calls) }
    }

    static func collectCalls(_ t: Term, into calls: inout [Call]) {
        switch t.kind {
        case .call(let name, let args):
            calls.append(Call(name: name, arguments: args.count, location: t.location, mayBindOutput: false))
            for a in args { collectCalls(a, into: &calls) }
        case .ref(let parts), .array(let parts), .set(let parts): for p in parts { collectCalls(p, into: &calls) }
        case .object(let pairs): for p in pairs { collectCalls(p.key, into: &calls); collectCalls(p.value, into: &calls) }
        case .arrayComprehension(let h, let body), .setComprehension(let h, let body):
            collectCalls(h, into: &calls)
            for e in body { collectCalls(e, into: &calls) }
        case .objectComprehension(let k, let v, let body):
            collectCalls(k, into: &calls)
            collectCalls(v, into: &calls)
            for e in body { collectCalls(e, into: &calls) }
        case .value, .variable: break
        }
    }
}
