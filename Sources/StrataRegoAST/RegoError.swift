/// A typed Rego error with a stable code (as OPA names them), a message and a location.
public struct RegoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable error codes, spelled as OPA spells them.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case parse = "rego_parse_error"
        case compile = "rego_compile_error"
        case type = "rego_type_error"
        case unsafeVar = "rego_unsafe_var_error"
        case recursion = "rego_recursion_error"
        case evalConflict = "eval_conflict_error"
        case evalType = "eval_type_error"
        case evalBuiltin = "eval_builtin_error"
        case evalCancel = "eval_cancel_error"
        case evalUndefinedFunction = "eval_undefined_function_error"
        case evalRecursion = "eval_recursion_error"
        case invalidInput = "invalid_input_error"
    }

    public var code: Code
    public var message: String
    public var location: Location?

    public init(_ code: Code, _ message: String, at location: Location? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(code.rawValue): \(message)" }
        return "\(code.rawValue): \(message)"
    }
}
