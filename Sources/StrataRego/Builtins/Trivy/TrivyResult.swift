import StrataRegoAST

/// `result.new(msg, cause)` and `isManaged(x)`: the result object Trivy checks return.
enum TrivyResult {
    static let builtins: [Builtin] = [
        .binary("result.new") { msg, cause in make(message: msg, cause: cause) },
        .unary("isManaged") { cause in make(message: .string(""), cause: cause)[.string("managed")] },
    ]

    /// Metadata keys of the cause and the result field each sets, applied in order (later wins).
    static let fields: [(key: String, field: String)] = [
        ("startline", "startline"), ("StartLine", "startline"),
        ("endline", "endline"), ("EndLine", "endline"),
        ("filepath", "filepath"), ("sourceprefix", "sourceprefix"), ("Path", "filepath"),
        ("explicit", "explicit"), ("managed", "managed"),
        ("fskey", "fskey"), ("resource", "resource"),
    ]

    static var defaults: [Value: Value] {
        [
            .string("startline"): .int(0), .string("endline"): .int(0), .string("filepath"): .string(""),
            .string("sourceprefix"): .string(""), .string("explicit"): .false, .string("managed"): .true,
            .string("fskey"): .string(""), .string("resource"): .string(""), .string("parent"): .null,
        ]
    }

    /// Builds the result; `message` is nil for a parent. Metadata comes from `cause.__defsec_metadata`,
    /// or from `cause` itself (Dockerfile and Kubernetes inputs).
    static func make(message: Value?, cause: Value) -> Value {
        var out = defaults
        if let message { out[.string("msg")] = message }
        var source = cause
        if case .object(let o) = cause, let meta = o[.string("__defsec_metadata")] { source = meta }
        guard case .object(let meta) = source else { return .object(out) }
        for (key, field) in fields {
            if let v = meta[.string(key)] { out[.string(field)] = v }
        }
        if let parent = meta[.string("parent")] {
            out[.string("parent")] = make(message: nil, cause: parent)
        }
        return .object(out)
    }
}
