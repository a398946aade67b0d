/// A rule: complete, multi-value (`contains`), single-value with a ref head, or a function.
public struct Rule: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case complete      // `p := v`, `p.q[k] := v` (ref head; vars in the ref make it a partial object)
        case multiValue    // `p contains x`, v0 `p[x] { … }`
        case function      // `f(x) := v`
    }

    public var kind: Kind
    /// Head reference: the first term is the rule name (a string); the rest are keys.
    public var ref: [Term]
    public var args: [Term]
    /// The element of a multi-value rule.
    public var key: Term?
    public var value: Term
    public var body: [Expr]
    public var elseChain: [ElseClause]
    public var isDefault: Bool
    public var location: Location
    public var annotations: [Annotation]

    public init(kind: Kind, ref: [Term], args: [Term] = [], key: Term? = nil, value: Term, body: [Expr],
                elseChain: [ElseClause] = [], isDefault: Bool = false, at location: Location, annotations: [Annotation] = []) {
        self.kind = kind
        self.ref = ref
        self.args = args
        self.key = key
        self.value = value
        self.body = body
        self.elseChain = elseChain
        self.isDefault = isDefault
        self.location = location
        self.annotations = annotations
    }

    /// The leading constant string keys of the head ref.
    public var constantPrefix: [String] {
        var out: [String] = []
        for term in ref {
            guard case .value(.string(let s)) = term.kind else { break }
            out.append(s)
        }
        return out
    }

    public var name: String { constantPrefix.first ?? "" }
}

/// `else [= value] [if] { body }`.
public struct ElseClause: Hashable, Sendable {
    public var value: Term
    public var body: [Expr]
    public var location: Location
    public init(value: Term, body: [Expr], at location: Location) {
        self.value = value
        self.body = body
        self.location = location
    }
}
