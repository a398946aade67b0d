import BigInt
import StrataRegoAST

/// `numbers.range(_step)`, `to_number`, `bits.*`, `rand.intn`.
enum Numbers {
    static let builtins: [Builtin] = [
        .binary("numbers.range") { (a, b) throws(BuiltinError) in
            try range(try a.integer(1), try b.integer(2), step: 1)
        },
        .ternary("numbers.range_step") { (a, b, s) throws(BuiltinError) in
            let step = try s.integer(3)
            guard step > 0 else { throw BuiltinError("numbers.range_step: step must be a positive number above zero") }
            return try range(try a.integer(1), try b.integer(2), step: step)
        },
        .unary("to_number", toNumber),
        .binary("bits.and") { (a, b) throws(BuiltinError) in .number(.int(try a.integer(1) & b.integer(2))) },
        .binary("bits.or") { (a, b) throws(BuiltinError) in .number(.int(try a.integer(1) | b.integer(2))) },
        .binary("bits.xor") { (a, b) throws(BuiltinError) in .number(.int(try a.integer(1) ^ b.integer(2))) },
        .unary("bits.negate") { (a) throws(BuiltinError) in .number(.int(~(try a.integer(1)))) },
        .binary("bits.lsh") { (a, b) throws(BuiltinError) in
            let n = try b.int(2)
            guard n >= 0 else { throw BuiltinError("bits.lsh: shift must be non-negative") }
            return .number(.int(try a.integer(1) << n))
        },
        .binary("bits.rsh") { (a, b) throws(BuiltinError) in
            let n = try b.int(2)
            guard n >= 0 else { throw BuiltinError("bits.rsh: shift must be non-negative") }
            return .number(.int(try a.integer(1) >> n))
        },
        Builtin("rand.intn", arity: 2) { (args, ctx) throws(BuiltinError) in
            let key = "rand.intn" + args[0].jsonString() + args[1].jsonString()
            if let v = ctx.memo[key] { return v }
            let n = try args[1].int(2)
            guard n != 0 else { return .int(0) }
            var rng = SeededGenerator(seed: UInt64(truncatingIfNeeded: ctx.nowNanoseconds) ^ UInt64(key.hashValue & 0x7fff))
            let v = Value.int(Int(rng.next() % UInt64(abs(n))))
            ctx.memo[key] = v
            return v
        },
    ]

    static func range(_ a: BigInt, _ b: BigInt, step: BigInt) throws(BuiltinError) -> Value {
        guard (b - a).magnitude / step.magnitude < 10_000_000 else { throw BuiltinError("range too large") }
        var out: [Value] = []
        var i = a
        if a <= b {
            while i <= b { out.append(.number(.int(i))); i += step }
        } else {
            while i >= b { out.append(.number(.int(i))); i -= step }
        }
        return .array(out)
    }

    static func toNumber(_ v: Value) throws(BuiltinError) -> Value? {
        switch v {
        case .null: return .int(0)
        case .bool(let b): return .int(b ? 1 : 0)
        case .number: return v
        case .string(let s):
            if ["nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"].contains(s.lowercased()) {
                throw BuiltinError.type("operand 1 must be a finite number but got \(Value.quoted(s))")
            }
            guard JSONNumber.isValid(s), let n = RegoNumber(writtenAs: s) else {
                throw BuiltinError("strconv.ParseFloat: parsing \(Value.quoted(s)): invalid syntax")
            }
            return .number(n)
        default: throw v.operandError(1, "one of {null, boolean, number, string}")
        }
    }
}

enum JSONNumber {
    /// Go's ParseFloat accepts more than JSON, but not inf/nan forms OPA rejects.
    static func isValid(_ s: String) -> Bool {
        let allowed = Set("+-0123456789.eE")
        return !s.isEmpty && s.allSatisfy { allowed.contains($0) } && s.contains(where: \.isNumber)
    }
}

/// A deterministic generator (SplitMix64) so results are reproducible per query.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
