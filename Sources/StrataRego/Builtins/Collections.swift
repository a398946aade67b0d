import StrataRegoAST

/// `array.*`, set `intersection`/`union`.
enum Collections {
    static let builtins: [Builtin] = [
        .binary("array.concat") { (a, b) throws(BuiltinError) in .array(try a.array(1) + b.array(2)) },
        .ternary("array.slice", slice),
        .unary("array.flatten") { (a) throws(BuiltinError) in
            .array(try a.array(1).flatMap { (v: Value) -> [Value] in if case .array(let inner) = v { return inner } else { return [v] } })
        },
        .unary("array.reverse") { (a) throws(BuiltinError) in .array(try a.array(1).reversed()) },
        .unary("intersection") { (v) throws(BuiltinError) in
            let sets = try setsOf(v)
            guard var acc = sets.first else { return .emptySet }
            for s in sets.dropFirst() { acc.formIntersection(s) }
            return .set(acc)
        },
        .unary("union") { (v) throws(BuiltinError) in
            var acc = Set<Value>()
            for s in try setsOf(v) { acc.formUnion(s) }
            return .set(acc)
        },
    ]

    static func slice(_ a: Value, _ start: Value, _ stop: Value) throws(BuiltinError) -> Value? {
        let items = try a.array(1)
        var s = try start.int(2), e = try stop.int(3)
        s = max(0, s)
        e = min(items.count, e)
        guard s < e else { return .array([]) }
        return .array(Array(items[s..<e]))
    }

    static func setsOf(_ v: Value) throws(BuiltinError) -> [Set<Value>] {
        var out: [Set<Value>] = []
        for e in try v.set(1).sorted() {
            guard case .set(let s) = e else { throw BuiltinError.type("operand 1 must be set of sets but got set[\(e.typeName)]") }
            out.append(s)
        }
        return out
    }
}
