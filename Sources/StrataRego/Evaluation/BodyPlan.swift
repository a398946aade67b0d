import Foundation
import StrataRegoAST

/// The order in which a body's expressions run, decided once per body and per set of variables bound on entry.
///
/// `Safety.pickNext` chooses the next runnable expression from variable names only (never from values), and
/// what an expression binds when it succeeds is known from its syntax, so the whole order is a function of
/// which of the body's variables are bound when the body starts. OPA fixes the order at compile time; we fix
/// it on first use, which also covers comprehension bodies entered with different outer bindings.
struct BodyPlan {
    /// The body's variables (deep: comprehension and `every` bodies included), in bit order.
    let vars: [String]
    /// Entry-binding mask → expression order (nil: some expression is unsafe; the dynamic path reports it).
    var orders: [UInt64: [Int]?] = [:]
    /// The body itself: keeps its storage alive, so its address keeps naming it while the plan is cached.
    let body: [Expr]

    init(body: [Expr]) {
        var all = Set<String>()
        for e in body { all.formUnion(e.allVars) }
        all.remove("input")
        all.remove("data")
        self.vars = all.sorted()
        self.body = body
    }

    /// Whether a body can be planned: few enough variables for the mask, and no `with` (its values are
    /// evaluated in a modified context, which the dynamic path handles).
    static func plannable(_ body: [Expr]) -> Bool {
        body.count > 1 && !body.contains { !$0.with.isEmpty }
    }

    func mask(_ b: Bindings) -> UInt64 {
        var m: UInt64 = 0
        for (i, v) in vars.enumerated() where b[v] != nil { m |= 1 << UInt64(i) }
        return m
    }

    /// Simulates the dynamic choice with placeholder bindings.
    func order(for mask: UInt64, arity: (String) -> Int?) -> [Int]? {
        var b: Bindings = [:]
        for (i, v) in vars.enumerated() where mask & (1 << UInt64(i)) != 0 { b[v] = .null }
        var rest = Array(body.indices)
        var order: [Int] = []
        while !rest.isEmpty {
            guard let j = Safety.pickNext(rest.map { body[$0] }, b, arity: arity) else { return nil }
            let index = rest.remove(at: j)
            order.append(index)
            BodyPlan.bind(body[index], in: &b)
        }
        return order
    }

    /// The variables an expression leaves bound when it succeeds (mirrors `Evaluator.evalExpr`).
    static func bind(_ e: Expr, in b: inout Bindings) {
        if case .someDecl(let names) = e.kind {
            for n in names { b[n] = nil }
            return
        }
        var bound = Set<String>()
        if e.negated {
            guard !e.negationIsWhole else { return }
            // Only the arguments and keys a negation hoists out of itself bind anything.
            if case .term(let t) = e.kind, case .call(let name, let args) = t.kind {
                for a in args where Evaluator.hoists(name, a) { bound.formUnion(a.outerVars) }
            } else if case .term(let t) = e.kind, case .ref(let parts) = t.kind {
                for p in parts.dropFirst() where Evaluator.hoistsKey(p) { bound.formUnion(p.outerVars) }
            }
        } else if case .every(_, _, let domain, _) = e.kind {
            bound = domain.outerVars
        } else {
            bound = e.bindableVars
        }
        for v in bound where b[v] == nil { b[v] = .null }
    }
}

/// Plans by body storage address, shared by every query of one engine (see `BodyPlan`).
final class BodyPlanCache: @unchecked Sendable {
    private var plans: [UnsafeRawPointer: BodyPlan] = [:]
    private let lock = NSLock()
    /// Query bodies are new arrays on every evaluation; past this many the cache starts over.
    private let capacity = 8_192

    /// Set STRATA_REGO_VERIFY_PLANS=1 to check every planned choice against the dynamic one (a test aid).
    static let verify = ProcessInfo.processInfo.environment["STRATA_REGO_VERIFY_PLANS"] == "1"

    func order(_ body: [Expr], _ b: Bindings, arity: (String) -> Int?) -> [Int]?? {
        guard BodyPlan.plannable(body) else { return nil }
        guard let key = body.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        var plan = plans[key] ?? BodyPlan(body: body)
        guard plan.vars.count <= 64 else { return nil }
        let mask = plan.mask(b)
        if let known = plan.orders[mask] { return .some(known) }
        let order = plan.order(for: mask, arity: arity)
        plan.orders[mask] = .some(order)
        if plans.count >= capacity { plans.removeAll(keepingCapacity: true) }
        plans[key] = plan
        return .some(order)
    }
}
