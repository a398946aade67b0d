import Foundation
import StrataRegex
import StrataRegoAST

/// What a builtin throws: a type error (`eval_type_error`) or another failure (`eval_builtin_error`).
public struct BuiltinError: Error, Sendable {
    public enum Kind: Sendable { case type, builtin }
    public var kind: Kind
    public var message: String
    /// Raised even without strict builtin errors (a disabled capability must not look like `undefined`).
    public var halts = false

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public init(_ message: String) {
        self.kind = .builtin
        self.message = message
    }

    public static func type(_ message: String) -> BuiltinError { BuiltinError(.type, message) }

    public static func halting(_ message: String) -> BuiltinError {
        var e = BuiltinError(.builtin, message)
        e.halts = true
        return e
    }
}

/// Per-query state that builtins may read: the clock, a seed, and a memo table (for `uuid.rfc4122`, `rand.intn`).
public final class BuiltinContext {
    public let nowNanoseconds: Int64
    public var memo: [String: Value] = [:]
    /// Compiled regular expressions, reused for the whole query.
    var regexCache: [String: RE2] = [:]
    public let runtime: Value
    /// `http.send` and `net.lookup_ip_addr` may reach the network (`EvalOptions.allowNet`).
    public let allowNet: Bool
    /// `http.send` results and errors of this query, by request (OPA's intra-query cache).
    var httpSendMemo: [Value: Result<Value, HTTPSendFailure>] = [:]

    init(nowNanoseconds: Int64, runtime: Value, allowNet: Bool = false) {
        self.nowNanoseconds = nowNanoseconds
        self.runtime = runtime
        self.allowNet = allowNet
    }
}

/// One builtin: its Rego name, arity, and implementation. `nil` from the implementation means undefined.
public struct Builtin: Sendable {
    public typealias Implementation = @Sendable ([Value], BuiltinContext) throws(BuiltinError) -> Value?

    public enum Body: Sendable {
        case function(Implementation)
        /// Implemented inside the evaluator (needs bindings, rule context or yields many values).
        case evaluator
    }

    public var name: String
    public var arity: Int
    public var body: Body

    public init(_ name: String, arity: Int, _ implementation: @escaping Implementation) {
        self.name = name
        self.arity = arity
        self.body = .function(implementation)
    }

    init(special name: String, arity: Int) {
        self.name = name
        self.arity = arity
        self.body = .evaluator
    }

    /// A builtin with one argument.
    public static func unary(_ name: String, _ f: @escaping @Sendable (Value) throws(BuiltinError) -> Value?) -> Builtin {
        Builtin(name, arity: 1) { (args, _) throws(BuiltinError) in try f(args[0]) }
    }

    /// A builtin with two arguments.
    public static func binary(_ name: String, _ f: @escaping @Sendable (Value, Value) throws(BuiltinError) -> Value?) -> Builtin {
        Builtin(name, arity: 2) { (args, _) throws(BuiltinError) in try f(args[0], args[1]) }
    }

    /// A builtin with three arguments.
    public static func ternary(_ name: String, _ f: @escaping @Sendable (Value, Value, Value) throws(BuiltinError) -> Value?) -> Builtin {
        Builtin(name, arity: 3) { (args, _) throws(BuiltinError) in try f(args[0], args[1], args[2]) }
    }
}

/// The table of builtins the evaluator can call. Swift callers add their own with `adding(_:)`.
public struct BuiltinRegistry: Sendable {
    public private(set) var table: [String: Builtin]

    public init(_ builtins: [Builtin]) {
        var table: [String: Builtin] = [:]
        for b in builtins { table[b.name] = b }
        self.table = table
    }

    public subscript(name: String) -> Builtin? { table[name] }

    /// A copy of the registry with more (or replaced) builtins.
    public func adding(_ builtins: [Builtin]) -> BuiltinRegistry {
        var copy = self
        for b in builtins { copy.table[b.name] = b }
        return copy
    }
}
