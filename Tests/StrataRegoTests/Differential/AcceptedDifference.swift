/// The classes of disagreement between Strata and OPA that are documented (docs/rego.md, "Known
/// differences from OPA") and therefore not counted as bugs. Anything else is unexplained.
enum AcceptedDifference: String, CaseIterable, Sendable {
    /// OPA's static type checker rejects the program (`rego_type_error`); Strata checks arity and literal
    /// operands only, so it evaluates, reports undefined or fails at run time instead.
    case opaStaticTypeError = "OPA static type error"
    /// Numbers agree to a relative 1e-9: OPA divides with arbitrary-precision decimals, Strata with `Double`.
    case decimalPrecision = "decimal precision"
    /// OPA treats a body of only `not true` as satisfied when the head value needs evaluation (see `NotTrueQuirk`).
    case opaNotTrueBody = "OPA not-true body quirk"
    /// OPA's `ceil`/`floor` of a negative fraction above -1 give 1 and 0 (see `RoundingQuirk`).
    case opaNegativeFractionRounding = "OPA ceil/floor of a negative fraction"
    /// OPA iterates a literal object with computed keys in literal order (see `LiteralObjectOrder`).
    case opaLiteralObjectOrder = "OPA literal object order"

    /// Which accepted class explains the difference, or nil when none does.
    static func classify(strata: FuzzOutcome, opa: FuzzOutcome, program: FuzzProgram) -> AcceptedDifference? {
        if case .errors(let codes) = opa, codes.contains("rego_type_error") {
            if case .errors(let mine) = strata, mine.contains("rego_type_error") { return nil }
            return .opaStaticTypeError
        }
        if case .rows(let a) = strata, case .rows(let b) = opa, a.count == b.count,
           zip(a, b).allSatisfy({ $0.count == $1.count && zip($0, $1).allSatisfy { Canonical.nearlyEqual($0, $1) } }) {
            return .decimalPrecision
        }
        if let rewritten = NotTrueQuirk.rewritten(program), DifferentialRun.agrees(FuzzOutcome.strata(rewritten), opa) {
            return .opaNotTrueBody
        }
        if RoundingQuirk.applies(program), DifferentialRun.agrees(FuzzOutcome.strata(program, builtins: RoundingQuirk.builtins), opa) {
            return .opaNegativeFractionRounding
        }
        if LiteralObjectOrder.equalIgnoringArrayOrder(strata, opa), LiteralObjectOrder.applies(program) {
            return .opaLiteralObjectOrder
        }
        return nil
    }
}
