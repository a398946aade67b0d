import BigInt
import Foundation
import StrataRegoAST

/// Arithmetic on numbers (exact for integers) and the set forms of `-`, `&`, `|`.
enum Arithmetic {
    static let builtins: [Builtin] = [
        .binary("plus") { (a, b) throws(BuiltinError) in .number(try add(a.number(1), b.number(2))) },
        .binary("minus", minus),
        .binary("mul") { (a, b) throws(BuiltinError) in .number(try multiply(a.number(1), b.number(2))) },
        .binary("div") { (a, b) throws(BuiltinError) in .number(try divide(a.number(1), b.number(2))) },
        .binary("rem") { (a, b) throws(BuiltinError) in .number(try remainder(a.number(1), b.number(2))) },
        .binary("and") { (a, b) throws(BuiltinError) in .set(try a.set(1).intersection(b.set(2))) },
        .binary("or") { (a, b) throws(BuiltinError) in .set(try a.set(1).union(b.set(2))) },
        .unary("abs") { (a) throws(BuiltinError) in .number(try absolute(a.number(1))) },
        .unary("round") { (a) throws(BuiltinError) in .number(rounded(try a.number(1), .toNearestOrAwayFromZero)) },
        .unary("ceil") { (a) throws(BuiltinError) in .number(rounded(try a.number(1), .up)) },
        .unary("floor") { (a) throws(BuiltinError) in .number(rounded(try a.number(1), .down)) },
    ]

    static func minus(_ a: Value, _ b: Value) throws(BuiltinError) -> Value? {
        if case .set(let x) = a {
            guard case .set(let y) = b else { throw b.operandError(2, "set") }
            return .set(x.subtracting(y))
        }
        guard case .number(let x) = a else { throw a.operandError(1, "one of {number, set}") }
        return .number(try add(x, negate(try b.number(2))))
    }

    static func negate(_ n: RegoNumber) -> RegoNumber {
        switch n {
        case .int(let i): return .int(-i)
        case .float(let d): return RegoNumber(-d)
        case .written(let m, _): return negate(m)
        }
    }

    static func add(_ a: RegoNumber, _ b: RegoNumber) throws(BuiltinError) -> RegoNumber {
        if case .int(let x) = a.canonical, case .int(let y) = b.canonical { return .int(x + y) }
        return decimal(a, b, +) ?? RegoNumber(a.doubleValue + b.doubleValue)
    }

    static func multiply(_ a: RegoNumber, _ b: RegoNumber) throws(BuiltinError) -> RegoNumber {
        if case .int(let x) = a.canonical, case .int(let y) = b.canonical { return .int(x * y) }
        return decimal(a, b, *) ?? RegoNumber(a.doubleValue * b.doubleValue)
    }

    /// Non-integer arithmetic in decimal (38 digits), as OPA's big-number arithmetic gives `0.1 + 0.2 == 0.3`;
    /// nil when a value is out of `Decimal`'s range (then `Double` is used).
    static func decimal(_ a: RegoNumber, _ b: RegoNumber, _ op: (Decimal, Decimal) -> Decimal) -> RegoNumber? {
        guard let x = Decimal(string: a.description), let y = Decimal(string: b.description), x.isFinite, y.isFinite else { return nil }
        let result = op(x, y)
        guard result.isFinite, !result.isNaN else { return nil }
        if let exact = RegoNumber(literal: result.description), exact.isInteger { return exact }
        guard let d = Double(result.description), d.isFinite else { return nil }
        return RegoNumber(d)
    }

    static func divide(_ a: RegoNumber, _ b: RegoNumber) throws(BuiltinError) -> RegoNumber {
        if b == .int(0) { throw BuiltinError("divide by zero") }
        if case .int(let x) = a.canonical, case .int(let y) = b.canonical {
            let (q, r) = x.quotientAndRemainder(dividingBy: y)
            if r == 0 { return .int(q) }
        }
        return decimal(a, b, /) ?? RegoNumber(a.doubleValue / b.doubleValue)
    }

    static func remainder(_ a: RegoNumber, _ b: RegoNumber) throws(BuiltinError) -> RegoNumber {
        guard case .int(let x) = a.canonical, case .int(let y) = b.canonical else { throw BuiltinError("modulo on floating-point number") }
        if y == 0 { throw BuiltinError("modulo by zero") }
        return .int(x % y)
    }

    static func absolute(_ n: RegoNumber) -> RegoNumber {
        switch n {
        case .int(let i): return .int(i < 0 ? -i : i)
        case .float(let d): return RegoNumber(Swift.abs(d))
        case .written(let m, _): return absolute(m)
        }
    }

    static func rounded(_ n: RegoNumber, _ rule: FloatingPointRoundingRule) -> RegoNumber {
        if case .int = n.canonical { return n.canonical }
        return RegoNumber(n.doubleValue.rounded(rule))
    }
}
