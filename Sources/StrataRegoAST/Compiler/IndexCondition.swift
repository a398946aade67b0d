/// A precondition OPA's rule index checks before it evaluates a rule clause at all.
///
/// OPA rewrites bodies so that refs nested in calls and collections, and the head's refs, become
/// `__local = ref` equalities, and indexes every top-level `ref = scalar|var|flat array` equality on a
/// base document (`input…`, non-virtual `data…`). A clause whose indexed ref is undefined (or holds a
/// different scalar) is never evaluated — so errors elsewhere in its body are never raised. Strata
/// evaluates in another order, so it checks the same preconditions first to raise the same errors.
public struct IndexCondition: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// `input` or `data` followed by constant keys.
        case document(root: String, path: [Value])
        /// A function argument (or other local) bound by the time the clause runs.
        case local(String)
    }

    public enum Match: Hashable, Sendable {
        case defined
        case scalar(Value)
        /// An array of this length; nil elements match anything, the others equal scalars.
        case array([Value?])
        /// `ref in [constant, …]` (or a constant set): a scalar value must be one of the members; a
        /// composite value is not decided by the index.
        case oneOf(Set<Value>)
    }

    public var subject: Subject
    public var match: Match
}
