import StrataRego
import StrataRegoAST

/// What one engine made of a program: undefined, result rows (expression values), or error codes.
enum FuzzOutcome: Hashable, Sendable, CustomStringConvertible {
    case rows([[Value]])
    case errors([String])

    /// Strata's outcome; sets become sorted arrays, as OPA prints them.
    static func strata(_ p: FuzzProgram, builtins: BuiltinRegistry = .standard) -> FuzzOutcome {
        do {
            let engine = try RegoEngine(modules: [(name: FuzzProgram.moduleName, source: p.module)],
                                        options: .init(strictBuiltinErrors: true, builtins: builtins))
            let out = try engine.evaluate(query: p.query, data: p.data, input: p.input)
            return .rows(out.results.map { $0.expressions.map { Canonical.value($0.value) } })
        } catch {
            return .errors([error.code.rawValue])
        }
    }

    /// OPA's outcome from one line of `opa_oracle.py --batch` output.
    static func oracle(_ line: String) -> FuzzOutcome {
        guard let v = try? RegoEngine.parseJSON(line), case .object(let o) = v else { return .errors(["oracle_bad_output"]) }
        if case .array(let errs)? = o[.string("errors")] {
            let codes = errs.compactMap { e -> String? in
                if case .object(let eo) = e, case .string(let c)? = eo[.string("code")] { return c }
                return nil
            }
            return .errors(Array(Set(codes)).sorted())
        }
        guard case .array(let rows)? = o[.string("result")] else { return .rows([]) }
        return .rows(rows.map { row in
            guard case .object(let r) = row, case .array(let exprs)? = r[.string("expressions")] else { return [] }
            return exprs.map { e in
                guard case .object(let eo) = e, let value = eo[.string("value")] else { return .null }
                return Canonical.value(value)
            }
        })
    }

    var description: String {
        switch self {
        case .rows(let r): r.isEmpty ? "undefined" : r.map { Value.array($0).jsonString() }.joined(separator: " | ")
        case .errors(let c): "errors \(c.joined(separator: ","))"
        }
    }
}
