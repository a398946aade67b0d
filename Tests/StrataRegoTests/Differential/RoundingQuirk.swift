import StrataRego
import StrataRegoAST

/// OPA v1.20 rounds a negative fraction above -1 wrongly: `ceil(-0.5)` is 1 and `floor(-0.5)` is 0
/// (measured against the oracle; `ceil(-1.5)` and `floor(-1.5)` are right). Strata computes -0 and -1.
/// A disagreement is this quirk when Strata agrees with OPA once its `ceil`/`floor` copy the quirk.
enum RoundingQuirk {
    static let builtins = BuiltinRegistry.standard.adding([
        .unary("ceil") { (v) throws(BuiltinError) in try quirk(v, belowZero: 1) { $0.rounded(.up) } },
        .unary("floor") { (v) throws(BuiltinError) in try quirk(v, belowZero: 0) { $0.rounded(.down) } },
    ])

    static func applies(_ p: FuzzProgram) -> Bool {
        p.module.contains("ceil(") || p.module.contains("floor(")
    }

    private static func quirk(_ v: Value, belowZero: Int, _ round: (Double) -> Double) throws(BuiltinError) -> Value {
        guard case .number(let n) = v else { throw .type("operand 1 must be number but got \(v.typeName)") }
        let d = n.doubleValue
        if d > -1, d < 0 { return .number(RegoNumber(belowZero)) }
        if case .int = n { return v }
        return .number(RegoNumber(round(d)))
    }
}
