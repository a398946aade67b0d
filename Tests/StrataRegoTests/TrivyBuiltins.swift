import StrataRego
import StrataRegoAST

/// Test-only stand-ins for Trivy's custom builtins (see ../shared/corpora/rego/README.md).
/// `sh.parse_commands` and `squealer.scan_string` are not provided, so tests calling them error.
enum TrivyBuiltins {
    static let all: [Builtin] = [
        .binary("result.new") { msg, cause in result(msg: msg, cause: cause) },
        .unary("isManaged") { cause in result(msg: .string(""), cause: cause)[.string("managed")] },
    ]

    static func result(msg: Value?, cause: Value) -> Value {
        var meta = cause
        if case .object(let o) = cause, let m = o[.string("__defsec_metadata")] { meta = m }
        var out: [Value: Value] = [
            .string("startline"): .int(0), .string("endline"): .int(0), .string("filepath"): .string(""),
            .string("sourceprefix"): .string(""), .string("explicit"): .false, .string("managed"): .true,
            .string("fskey"): .string(""), .string("resource"): .string(""), .string("parent"): .null,
        ]
        if let msg { out[.string("msg")] = msg }
        guard case .object(let m) = meta else { return .object(out) }
        let fields: [(String, [String])] = [("startline", ["startline", "StartLine"]), ("endline", ["endline", "EndLine"]),
                                            ("filepath", ["filepath", "Path"]), ("sourceprefix", ["sourceprefix"]),
                                            ("explicit", ["explicit"]), ("managed", ["managed"]), ("fskey", ["fskey"]),
                                            ("resource", ["resource"])]
        for (key, names) in fields {
            for n in names { if let v = m[.string(n)] { out[.string(key)] = v } }
        }
        if let parent = m[.string("parent")], parent != .null {
            out[.string("parent")] = result(msg: nil, cause: parent)
        }
        return .object(out)
    }
}
