import Foundation
import StrataRegoAST

/// Top-down evaluation with backtracking: every construct calls a continuation once per solution.
final class Evaluator {
    let policy: CompiledPolicy
    let builtins: BuiltinRegistry
    let options: EvalOptions
    let builtinContext: BuiltinContext
    var ctx: EvalContext
    var steps = 0
    /// Rules being evaluated (innermost last): recursion detection and `rego.metadata.*`.
    var ruleStack: [CompiledRule] = []
    var inProgress: Set<[String]> = []
    var printed: [String] = []
    /// `data.…` function name → its rules (see `functionRules`).
    var functionTable: [String: [CompiledRule]] = [:]
    /// Shared expression orders (nil: always decide at run time).
    let plans: BodyPlanCache?
    let sortedEntries = SortedEntries()

    init(policy: CompiledPolicy, builtins: BuiltinRegistry, options: EvalOptions, data: Value, input: Value?,
         plans: BodyPlanCache? = nil) {
        self.policy = policy
        self.plans = plans
        self.builtins = builtins
        self.options = options
        let now = options.nowNanoseconds ?? Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        let runtime = Value.object(Dictionary(uniqueKeysWithValues: options.runtime.map { (Value.string($0.key), Value.string($0.value)) }))
        self.builtinContext = BuiltinContext(nowNanoseconds: now, runtime: options.runtime.isEmpty ? .emptyObject : .object([.string("env"): runtime]),
                                             allowNet: options.allowNet)
        self.ctx = EvalContext(input: input, data: data)
    }

    func tick(_ location: Location) throws {
        steps += 1
        if let max = options.maxSteps, steps > max {
            throw RegoError(.evalCancel, "evaluation step limit exceeded", at: location)
        }
        if steps & 1023 == 0, options.cancellation?.isCancelled == true {
            throw RegoError(.evalCancel, "caller cancelled query execution", at: location)
        }
    }

    // MARK: bodies

    func evalBody(_ body: [Expr], _ b: Bindings, _ k: BodyContinuation) throws {
        if let plans, case .some(.some(let order)) = plans.order(body, b, arity: { self.arity(of: $0) }) {
            return try evalPlanned(body, order[...], b, k)
        }
        try evalRemaining(body, b, k)
    }

    /// Runs a body in a precomputed order (see `BodyPlan`).
    private func evalPlanned(_ body: [Expr], _ order: ArraySlice<Int>, _ b: Bindings, _ k: BodyContinuation) throws {
        guard let index = order.first else { return try k(b) }
        if BodyPlanCache.verify { verifyPlan(body, order, b) }
        try evalExpr(body[index], b) { b2 in try self.evalPlanned(body, order.dropFirst(), b2, k) }
    }

    private func verifyPlan(_ body: [Expr], _ order: ArraySlice<Int>, _ b: Bindings) {
        let rest = order.sorted().map { body[$0] }
        let dynamic = Safety.pickNext(rest, b, arity: { self.arity(of: $0) }).map { order.sorted()[$0] }
        precondition(dynamic == order.first, "body plan chose \(order.first!) where the dynamic order chooses \(String(describing: dynamic)) at \(body[order.first!].location)")
    }

    /// Chooses each next expression at run time (query bodies, which are new on every evaluation, and
    /// bodies that cannot be planned).
    func evalRemaining(_ rest: [Expr], _ b: Bindings, _ k: BodyContinuation) throws {
        guard !rest.isEmpty else { return try k(b) }
        guard let index = Safety.pickNext(rest, b, arity: { self.arity(of: $0) }) else {
            throw Safety.unsafeError(rest, b)
        }
        var remaining = rest
        let expr = remaining.remove(at: index)
        try evalExpr(expr, b) { b2 in try self.evalRemaining(remaining, b2, k) }
    }

    func evalExpr(_ e: Expr, _ b: Bindings, _ k: BodyContinuation) throws {
        try tick(e.location)
        if let observer = options.observer {
            return try observer.observe(e.location, { k2 in try self.evalExprUnobserved(e, b, k2) }, k)
        }
        try evalExprUnobserved(e, b, k)
    }

    private func evalExprUnobserved(_ e: Expr, _ b: Bindings, _ k: BodyContinuation) throws {
        if !e.with.isEmpty { return try evalWith(e, b, k) }
        try evalNegatable(e, b, k)
    }

    func evalNegatable(_ e: Expr, _ b: Bindings, _ k: BodyContinuation) throws {
        guard e.negated else { return try evalExprCore(e, b, k) }
        if e.isNotBlock, case .term(let t) = e.kind, case .arrayComprehension(_, let body) = t.kind {
            if try !succeeds({ stop in try evalBody(body, b) { _ in try stop() } }) { try k(b) }
            return
        }
        if !e.negationIsWhole, case .term(let t) = e.kind, case .call(let name, let args) = t.kind {
            // OPA evaluates the nested calls before the refs (its compiler extracts calls first).
            let hoisted = args.indices.filter { Evaluator.hoists(name, args[$0]) }
                .sorted { (args[$0].isCall ? 0 : 1, $0) < (args[$1].isCall ? 0 : 1, $1) }
            if !hoisted.isEmpty { return try evalHoisted(e, name, args, hoisted, at: t.location, b, k) }
        }
        if !e.negationIsWhole, case .term(let t) = e.kind, case .ref(let parts) = t.kind {
            let hoisted = parts.indices.dropFirst().filter { Evaluator.hoistsKey(parts[$0]) }
            if !hoisted.isEmpty { return try evalHoistedKeys(e, parts, hoisted, at: t.location, b, k) }
        }
        if try !succeeds({ stop in try evalExprCore(e, b) { _ in try stop() } }) { try k(b) }
    }

    /// OPA evaluates the call and ref arguments of a negated call outside the negation
    /// (`not f(input.missing)` is undefined, not true); plain refs compared with `==` stay inside.
    /// A collection compared with `==` stays inside, but the refs and calls nested in it do not
    /// (`not [input.missing] == []` is undefined).
    static func hoists(_ name: String, _ arg: Term) -> Bool {
        switch arg.kind {
        case .value, .variable: return false
        case .call: return true
        // A ref on a constant collection (`[][1]`) stays inside, like a ref on a variable.
        case .ref(let parts): return name != "equal" || (parts[0].variableName == nil && parts[0].constantValue == nil)
        case .array, .object, .set: return name != "equal" ? arg.constantValue == nil : arg.nestsDynamicTerm
        default: return name != "equal" && arg.constantValue == nil
        }
    }

    private func evalHoisted(_ e: Expr, _ name: String, _ args: [Term], _ hoisted: [Int], at loc: Location,
                             _ b: Bindings, _ k: BodyContinuation) throws {
        try evalTerms(hoisted.map { args[$0] }[...], b) { values, b2 in
            var replaced = args
            for (i, v) in zip(hoisted, values) { replaced[i] = Term(.value(v), at: args[i].location) }
            var inner = e
            inner.kind = .term(Term(.call(name, replaced), at: loc))
            if try !self.succeeds({ stop in try self.evalExprCore(inner, b2) { _ in try stop() } }) { try k(b2) }
        }
    }

    /// OPA evaluates ref and call keys of a negated ref outside the negation
    /// (`not allowed[input.missing]` is undefined, not true).
    static func hoistsKey(_ key: Term) -> Bool {
        switch key.kind {
        case .ref, .call: return true
        default: return false
        }
    }

    private func evalHoistedKeys(_ e: Expr, _ parts: [Term], _ hoisted: [Int], at loc: Location,
                                 _ b: Bindings, _ k: BodyContinuation) throws {
        try evalTerms(hoisted.map { parts[$0] }[...], b) { values, b2 in
            var replaced = parts
            for (i, v) in zip(hoisted, values) { replaced[i] = Term(.value(v), at: parts[i].location) }
            var inner = e
            inner.kind = .term(Term(.ref(replaced), at: loc))
            if try !self.succeeds({ stop in try self.evalExprCore(inner, b2) { _ in try stop() } }) { try k(b2) }
        }
    }

    /// Runs an enumeration until its first solution; reports whether there was one.
    func succeeds(_ body: (() throws -> Void) throws -> Void) throws -> Bool {
        do {
            try body { throw EarlyExit() }
        } catch is EarlyExit {
            return true
        }
        return false
    }

    private func evalExprCore(_ e: Expr, _ b: Bindings, _ k: BodyContinuation) throws {
        switch e.kind {
        case .term(let t):
            if case .call(let name, let args) = t.kind, let arity = arity(of: name), args.count == arity + 1 {
                return try evalCall(name, args, b, t.location) { _, b2 in try k(b2) }
            }
            try evalTerm(t, b) { v, b2 in if v != .false { try k(b2) } }
        case .unify(let l, let r):
            try unifyTerms(l, r, b, k)
        case .assign(let l, let r):
            var scoped = b
            if let name = l.variableName { scoped[name] = nil } else { for v in l.allVars { scoped[v] = nil } }
            try unifyTerms(l, r, scoped, k)
        case .someDecl(let names):
            var scoped = b
            for n in names { scoped[n] = nil }
            try k(scoped)
        case .someIn(let key, let value, let coll):
            try evalSomeIn(key, value, coll, b, k)
        case .every(let key, let value, let domain, let body):
            try evalEvery(key, value, domain, body, b, k)
        }
    }

    private func evalSomeIn(_ key: Term?, _ value: Term, _ coll: Term, _ b: Bindings, _ k: BodyContinuation) throws {
        try evalDomain(coll, b) { _, entries, b2 in
            var scoped = b2
            if let name = value.variableName, key == nil || key?.variableName != nil {
                scoped[name] = nil
                if let k = key?.variableName { scoped[k] = nil }
            } else {
                for v in value.allVars.union(key?.allVars ?? []) { scoped[v] = nil }
            }
            for (kv, vv) in entries {
                if let key {
                    try self.unify(key, kv, scoped) { b3 in try self.unify(value, vv, b3, k) }
                } else {
                    try self.unify(value, vv, scoped, k)
                }
            }
        }
    }

    private func evalEvery(_ key: Term?, _ value: Term, _ domain: Term, _ body: [Expr], _ b: Bindings, _ k: BodyContinuation) throws {
        try evalDomain(domain, b) { dv, entries, b2 in
            // As in OPA, `every` over a value that is not a collection is undefined (not vacuously true).
            guard dv.isCollection else { return }
            var scoped = b2
            for v in value.allVars.union(key?.allVars ?? []) { scoped[v] = nil }
            for (kv, vv) in entries {
                let ok = try self.succeeds { stop in
                    if let key {
                        try self.unify(key, kv, scoped) { b3 in
                            try self.unify(value, vv, b3) { b4 in try self.evalBody(body, b4) { _ in try stop() } }
                        }
                    } else {
                        try self.unify(value, vv, scoped) { b4 in try self.evalBody(body, b4) { _ in try stop() } }
                    }
                }
                if !ok { return }
            }
            try k(b2)
        }
    }

    /// Key/value pairs of a collection, in OPA's iteration order.
    static func entries(_ v: Value) -> [(Value, Value)] {
        switch v {
        case .array(let items): return items.enumerated().map { (.int($0.offset), $0.element) }
        case .object(let dict): return dict.sortedPairs.map { ($0.key, $0.value) }
        case .set(let members): return members.sorted().map { ($0, $0) }
        default: return []
        }
    }
}
