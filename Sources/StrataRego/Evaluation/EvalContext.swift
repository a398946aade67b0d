import StrataRegoAST

typealias Bindings = [String: Value]
typealias BodyContinuation = (Bindings) throws -> Void
typealias TermContinuation = (Value, Bindings) throws -> Void

/// Thrown by a continuation to stop an enumeration after the first solution.
struct EarlyExit: Error {}

/// A replacement installed by `with f as g`.
enum FunctionMock {
    case value(Value)
    case function(String)
}

/// Memo tables for one evaluation context (a query, or the inside of a `with`).
final class EvalCache {
    /// Documents by rule-trie node id (`RuleNode.id`), or by path for unnumbered nodes.
    var documents: [Int: Value?] = [:]
    var documentsByPath: [[String]: Value?] = [:]
    var functions: [String: [[Value]: Value?]] = [:]
}

/// The inputs an expression is evaluated against; `with` makes a modified copy with a fresh cache.
struct EvalContext {
    var input: Value?
    var data: Value
    var dataOverrides: [(path: [String], value: Value)] = []
    var mocks: [String: FunctionMock] = [:]
    var cache = EvalCache()
}
