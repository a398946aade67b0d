/// One expression of a rule or query body.
public struct Expr: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case term(Term)
        case unify(Term, Term)                                   // `a = b`
        case assign(Term, Term)                                  // `a := b`
        case someDecl([String])                                  // `some x, y`
        case someIn(key: Term?, value: Term, collection: Term)   // `some k, v in xs`
        case every(key: Term?, value: Term, domain: Term, body: [Expr])
    }

    public var kind: Kind
    public var negated: Bool
    /// Under `import future.keywords.not` (or all of `future.keywords`) OPA evaluates a negated expression
    /// whole, calls and ref keys included, instead of hoisting them out (`not f(input.missing)` is true).
    public var negationIsWhole = false
    /// `not { body }` (future.keywords.not): the term is `[true | body]`, and the expression succeeds when
    /// the body has no solution.
    public var isNotBlock = false
    public var with: [WithModifier]
    public var location: Location

    public init(_ kind: Kind, negated: Bool = false, with: [WithModifier] = [], at location: Location) {
        self.kind = kind
        self.negated = negated
        self.with = with
        self.location = location
    }
}

/// `with target as value`.
public struct WithModifier: Hashable, Sendable {
    public var target: Term
    public var value: Term
    public init(target: Term, value: Term) {
        self.target = target
        self.value = value
    }
}
