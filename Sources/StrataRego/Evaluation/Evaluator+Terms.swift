import StrataRegoAST

extension Evaluator {
    /// Enumerates the values of a term (refs with unbound keys and calls may yield several).
    func evalTerm(_ t: Term, _ b: Bindings, _ k: TermContinuation) throws {
        switch t.kind {
        case .value(let v): try k(v, b)
        case .variable(let name):
            guard let v = b[name] else {
                if name == "input" { if let input = ctx.input { try k(input, b) }; return }
                if name == "data" { return try evalDataRef([], b, k) }
                throw RegoError(.unsafeVar, "var \(name) is unsafe", at: t.location)
            }
            try k(v, b)
        case .ref(let parts): try evalRef(parts, b, k)
        case .array(let items): try evalElements(items, b) { vals, b2 in try k(.array(vals), b2) }
        case .set(let items): try evalElements(items, b) { vals, b2 in try k(.set(Set(vals)), b2) }
        case .object(let pairs):
            try evalElements(pairs.flatMap { [$0.key, $0.value] }, b) { vals, b2 in
                var dict: [Value: Value] = [:]
                for i in stride(from: 0, to: vals.count, by: 2) { dict[vals[i]] = vals[i + 1] }
                try k(.object(dict), b2)
            }
        case .call(let name, let args): try evalCall(name, args, b, t.location, k)
        case .arrayComprehension(let head, let body):
            var out: [Value] = []
            try evalBody(body, b) { b2 in try self.evalTerm(head, b2) { v, _ in out.append(v) } }
            try k(.array(out), b)
        case .setComprehension(let head, let body):
            var out = Set<Value>()
            try evalBody(body, b) { b2 in try self.evalTerm(head, b2) { v, _ in out.insert(v) } }
            try k(.set(out), b)
        case .objectComprehension(let kt, let vt, let body):
            try k(.object(try evalObjectComprehension(kt, vt, body, b, at: t.location)), b)
        }
    }

    private func evalObjectComprehension(_ kt: Term, _ vt: Term, _ body: [Expr], _ b: Bindings, at loc: Location) throws -> [Value: Value] {
        var out: [Value: Value] = [:]
        try evalBody(body, b) { b2 in
            try self.evalTerm(kt, b2) { key, b3 in
                try self.evalTerm(vt, b3) { value, _ in
                    if let existing = out[key], existing != value {
                        throw RegoError(.evalConflict, "object keys must be unique", at: loc)
                    }
                    out[key] = value
                }
            }
        }
        return out
    }

    /// The elements of a collection literal (an object's as key, value, key, …), its ground calls first when
    /// one comes after a ref: OPA hoists nested calls into expressions before the one holding the literal,
    /// so `{"Hello": input.missing, "a": indexof(s, "")}` raises indexof's error rather than being undefined.
    func evalElements(_ items: [Term], _ b: Bindings, _ k: ([Value], Bindings) throws -> Void) throws {
        guard Self.callFollowsRef(items) else { return try evalTerms(items[...], b, k) }
        let ranks = items.map { Self.isHoistedCall($0, b) ? 0 : 1 }
        let order = items.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        if order == Array(items.indices) { return try evalTerms(items[...], b, k) }
        try evalTerms(order.map { items[$0] }[...], b) { values, b2 in
            var out = [Value](repeating: .null, count: items.count)
            for (i, v) in zip(order, values) { out[i] = v }
            try k(out, b2)
        }
    }

    static func isHoistedCall(_ t: Term, _ b: Bindings) -> Bool {
        if case .call = t.kind { return isGround(t, b) }
        return false
    }

    /// Evaluates a list of terms left to right, enumerating every combination.
    func evalTerms(_ items: ArraySlice<Term>, _ b: Bindings, _ k: ([Value], Bindings) throws -> Void) throws {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        try evalTerms(items, &values, b, k)
    }

    /// One growing array for all the values (building `[v] + rest` at every level was quadratic).
    private func evalTerms(_ items: ArraySlice<Term>, _ values: inout [Value], _ b: Bindings,
                           _ k: ([Value], Bindings) throws -> Void) throws {
        guard let first = items.first else { return try k(values, b) }
        try evalTerm(first, b) { v, b2 in
            values.append(v)
            defer { values.removeLast() }
            try self.evalTerms(items.dropFirst(), &values, b2, k)
        }
    }

    /// The first value of a term, or nil when undefined.
    func firstValue(_ t: Term, _ b: Bindings) throws -> Value? {
        var result: Value?
        _ = try succeeds { stop in
            try evalTerm(t, b) { v, _ in
                result = v
                try stop()
            }
        }
        return result
    }
}
