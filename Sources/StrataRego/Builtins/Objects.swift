import StrataRegoAST

/// `object.*`.
enum Objects {
    static let builtins: [Builtin] = [
        .ternary("object.get", get),
        .unary("object.keys") { (o) throws(BuiltinError) in .set(Set(try o.object(1).keys)) },
        .binary("object.union") { (a, b) throws(BuiltinError) in .object(union(try a.object(1), try b.object(2))) },
        .unary("object.union_n") { (a) throws(BuiltinError) in
            var acc: [Value: Value] = [:]
            for o in try a.array(1) {
                guard case .object(let d) = o else { throw BuiltinError.type("operand 1 must be array of objects but got \(o.typeName)") }
                acc = union(acc, d)
            }
            return .object(acc)
        },
        .binary("object.remove") { (o, keys) throws(BuiltinError) in
            var dict = try o.object(1)
            for k in try keySet(keys, 2) { dict[k] = nil }
            return .object(dict)
        },
        .binary("object.filter") { (o, keys) throws(BuiltinError) in
            let dict = try o.object(1)
            let keep = try keySet(keys, 2)
            return .object(dict.filter { keep.contains($0.key) })
        },
        .binary("object.subset") { (sup, sub) throws(BuiltinError) in .bool(try subset(sup, sub)) },
    ]

    static func get(_ o: Value, _ key: Value, _ fallback: Value) throws(BuiltinError) -> Value? {
        let dict = try o.object(1)
        guard case .array(let path) = key else { return dict[key] ?? fallback }
        var current = o
        for k in path {
            guard let child = current[k], !(current.isSet) else { return fallback }
            current = child
        }
        return current
    }

    static func keySet(_ v: Value, _ index: Int) throws(BuiltinError) -> Set<Value> {
        switch v {
        case .array(let a): return Set(a)
        case .set(let s): return s
        case .object(let o): return Set(o.keys)
        default: throw v.operandError(index, "one of {object, set, array}")
        }
    }

    /// Deep merge, right side wins (as `object.union`).
    static func union(_ a: [Value: Value], _ b: [Value: Value]) -> [Value: Value] {
        var out = a
        for (k, v) in b {
            if case .object(let x)? = out[k], case .object(let y) = v {
                out[k] = .object(union(x, y))
            } else {
                out[k] = v
            }
        }
        return out
    }

    static func subset(_ sup: Value, _ sub: Value) throws(BuiltinError) -> Bool {
        switch (sup, sub) {
        case (.object(let a), .object(let b)):
            for (k, v) in b {
                guard let av = a[k] else { return false }
                if av.isCollection, v.isCollection, av.typeName == v.typeName {
                    if try !subset(av, v) { return false }
                } else if av != v {
                    return false
                }
            }
            return true
        case (.set(let a), .set(let b)): return b.isSubset(of: a)
        case (.array(let a), .array(let b)):
            if b.isEmpty { return true }
            guard b.count <= a.count else { return false }
            for start in 0...(a.count - b.count) where Array(a[start..<start + b.count]) == b { return true }
            return false
        case (.array(let a), .set(let b)): return b.isSubset(of: Set(a))
        default:
            guard sup.isCollection else { throw sup.operandError(1, "one of {object, set, array}") }
            throw sub.operandError(2, "one of {object, set, array}")
        }
    }
}

extension Value {
    var isSet: Bool { if case .set = self { return true } else { return false } }
}
