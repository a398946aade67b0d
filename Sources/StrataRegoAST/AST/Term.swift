/// A Rego term with its source location.
public struct Term: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case value(Value)                 // a scalar constant (null, boolean, number, string)
        case variable(String)
        case ref([Term])                  // head term, then keys (`.x` becomes a string key)
        case array([Term])
        case object([TermPair])
        case set([Term])
        case arrayComprehension(Term, [Expr])
        case setComprehension(Term, [Expr])
        case objectComprehension(Term, Term, [Expr])
        case call(String, [Term])         // operator name (dotted, resolved by the compiler) and arguments
    }

    public var kind: Kind
    public var location: Location

    public init(_ kind: Kind, at location: Location) {
        self.kind = kind
        self.location = location
    }

    public static func string(_ s: String, at location: Location) -> Term { Term(.value(.string(s)), at: location) }

    public var variableName: String? { if case .variable(let v) = kind { return v } else { return nil } }

    public var isWildcard: Bool { variableName?.hasPrefix("$_") == true }

    /// The constant value of the term, if it contains no variables, refs, calls or comprehensions.
    public var constantValue: Value? {
        switch kind {
        case .value(let v): return v
        case .array(let items):
            var out: [Value] = []
            for item in items { guard let v = item.constantValue else { return nil }; out.append(v) }
            return .array(out)
        case .set(let items):
            var out = Set<Value>()
            for item in items { guard let v = item.constantValue else { return nil }; out.insert(v) }
            return .set(out)
        case .object(let pairs):
            var out: [Value: Value] = [:]
            for p in pairs {
                guard let k = p.key.constantValue, let v = p.value.constantValue else { return nil }
                out[k] = v
            }
            return .object(out)
        default: return nil
        }
    }
}

/// A key/value pair of an object literal.
public struct TermPair: Hashable, Sendable {
    public var key: Term
    public var value: Term
    public init(key: Term, value: Term) {
        self.key = key
        self.value = value
    }
}
