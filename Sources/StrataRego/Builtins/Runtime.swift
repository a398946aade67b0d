import StrataRegoAST

/// `opa.runtime`, `uuid.rfc4122` (deterministic per query and key).
enum Runtime {
    static let builtins: [Builtin] = [
        Builtin("opa.runtime", arity: 0) { (_, ctx) in ctx.runtime },
        Builtin("uuid.rfc4122", arity: 1) { (args, ctx) throws(BuiltinError) in
            let key = "uuid:" + (try args[0].string(1))
            if let v = ctx.memo[key] { return v }
            var rng = SeededGenerator(seed: UInt64(truncatingIfNeeded: ctx.nowNanoseconds) &+ UInt64(ctx.memo.count))
            var bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            bytes[6] = (bytes[6] & 0x0f) | 0x40
            bytes[8] = (bytes[8] & 0x3f) | 0x80
            let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            let chars = Array(hex)
            let text = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
            ctx.memo[key] = .string(text)
            return .string(text)
        },
    ]
}
