/// The part of OPA's type checker that needs inference: refs into literal collections (or locals assigned
/// one) that cannot exist (`[1][1]`, `{"a": 1}.b` → `undefined ref`), and equalities or unifications
/// whose two sides can never be equal (`[0] == [3, 1]`, `true == {1}` → `match error`). Locals get a type
/// only from `x := term`; everything else (input, data, rule values, iteration) is `any`, so an answer of
/// "no error" is always safe.
struct TypeInference {
    /// Result kind of a builtin (`"number"`, `"array<string>"`), nil when unknown.
    let resultType: (String) -> String?
    private var scopes: [[String: StaticType]] = [[:]]

    init(resultType: @escaping (String) -> String?) {
        self.resultType = resultType
    }

    mutating func check(_ rule: Rule) throws(RegoError) {
        try checkBody(rule.body, then: [rule.value] + (rule.key.map { [$0] } ?? []))
        for clause in rule.elseChain { try checkBody(clause.body, then: [clause.value]) }
    }

    /// A body in a fresh scope, then terms that see its locals (the rule head).
    private mutating func checkBody(_ body: [Expr], then terms: [Term]) throws(RegoError) {
        scopes.append([:])
        defer { scopes.removeLast() }
        for e in body { try checkExpr(e) }
        for t in terms { _ = try type(of: t) }
    }

    private mutating func checkExpr(_ e: Expr) throws(RegoError) {
        switch e.kind {
        case .term(let t):
            if case .call("equal", let args) = t.kind, args.count == 2 {
                try requireCompatible(args[0], args[1], at: e.location)
            } else {
                _ = try type(of: t)
            }
        case .unify(let a, let b):
            try requireCompatible(a, b, at: e.location)
        case .assign(let lhs, let rhs):
            let t = try type(of: rhs)
            if let name = lhs.variableName, e.with.isEmpty {
                scopes[scopes.count - 1][name] = t
            } else {
                try requireCompatible(lhs, rhs, at: e.location)
            }
        case .someDecl:
            break
        case .someIn(let key, let value, let collection):
            _ = try type(of: collection)
            for t in [key, value].compactMap({ $0 }) where t.variableName == nil { _ = try type(of: t) }
        case .every(_, _, let domain, _):
            // OPA does not report these errors inside `every` bodies (it rewrites them before checking).
            _ = try type(of: domain)
        }
        for w in e.with { _ = try type(of: w.value) }
    }

    private mutating func requireCompatible(_ a: Term, _ b: Term, at location: Location) throws(RegoError) {
        let ta = try type(of: a), tb = try type(of: b)
        if !StaticType.compatible(ta, tb) {
            throw RegoError(.type, "match error\n\tleft  : \(ta)\n\tright : \(tb)", at: location)
        }
    }

    private func lookup(_ name: String) -> StaticType? {
        for scope in scopes.reversed() { if let t = scope[name] { return t } }
        return nil
    }

    mutating func type(of t: Term) throws(RegoError) -> StaticType {
        switch t.kind {
        case .value(let v):
            switch v {
            case .null: return .null
            case .bool: return .boolean
            case .number: return .number
            case .string: return .string
            default: return .any
            }
        case .variable(let name):
            return lookup(name) ?? .any
        case .array(let items):
            // OPA types an empty literal as open (`[][0]` and `[] == [1]` are accepted).
            if items.isEmpty { return .array(.any) }
            var types: [StaticType] = []
            for i in items { types.append(try type(of: i)) }
            return .tuple(types)
        case .set(let items):
            var types: [StaticType] = []
            for i in items { types.append(try type(of: i)) }
            return items.isEmpty ? .set(.any) : .set(StaticType.joined(types))
        case .object(let pairs):
            var fields: [Value: StaticType] = [:], constant = true
            for p in pairs {
                let vt = try type(of: p.value)
                _ = try type(of: p.key)
                if let k = p.key.constantValue, Self.isScalar(k) { fields[k] = vt } else { constant = false }
            }
            return constant && !pairs.isEmpty ? .object(fields) : .anyObject
        case .arrayComprehension(let head, let body):
            try checkBody(body, then: [head])
            return .array(.any)
        case .setComprehension(let head, let body):
            try checkBody(body, then: [head])
            return .set(.any)
        case .objectComprehension(let k, let v, let body):
            try checkBody(body, then: [k, v])
            return .anyObject
        case .call(let name, let args):
            for a in args { _ = try type(of: a) }
            return resultType(name).map(StaticType.init(resultName:)) ?? .any
        case .ref(let parts):
            return try refType(parts, at: t)
        }
    }

    private mutating func refType(_ parts: [Term], at whole: Term) throws(RegoError) -> StaticType {
        guard let head = parts.first else { return .any }
        var current: StaticType
        if case .variable(let name) = head.kind {
            current = lookup(name) ?? .any
        } else {
            current = try type(of: head)
        }
        for (i, key) in parts.enumerated().dropFirst() {
            if key.variableName == nil { _ = try type(of: key) }
            guard let k = key.constantValue else {
                current = Self.element(of: current)
                continue
            }
            switch current {
            case .tuple(let items):
                guard case .number(let n) = k, let idx = n.intValue, idx >= 0, idx < items.count else {
                    throw undefinedRef(parts, upTo: i, at: whole.location)
                }
                current = items[idx]
            case .object(let fields):
                guard let v = fields[k] else { throw undefinedRef(parts, upTo: i, at: whole.location) }
                current = v
            case .null, .boolean, .number, .string:
                throw undefinedRef(parts, upTo: i, at: whole.location)
            default:
                current = Self.element(of: current)
            }
        }
        return current
    }

    private static func isScalar(_ v: Value) -> Bool {
        switch v {
        case .null, .bool, .number, .string: true
        default: false
        }
    }

    /// The type under a key that is not known statically.
    private static func element(of t: StaticType) -> StaticType {
        switch t {
        case .tuple(let items): StaticType.joined(items)
        case .array(let e): e
        case .object(let fields): StaticType.joined(Array(fields.values))
        default: .any
        }
    }

    private func undefinedRef(_ parts: [Term], upTo i: Int, at location: Location) -> RegoError {
        let shown = Term(.ref(Array(parts[0...i])), at: location)
        return RegoError(.type, "undefined ref: \(Formatter.term(shown))", at: location)
    }
}
