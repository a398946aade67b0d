extension Value: Comparable {
    public static func < (lhs: Value, rhs: Value) -> Bool { compare(lhs, rhs) < 0 }

    /// OPA's total order over values. Strings compare by UTF-8 bytes like Go.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        if a.rank != b.rank { return a.rank < b.rank ? -1 : 1 }
        switch (a, b) {
        case (.null, .null): return 0
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.number(let x), .number(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.string(let x), .string(let y)): return compareStrings(x, y)
        case (.array(let x), .array(let y)): return compareSequences(x, y)
        case (.object(let x), .object(let y)): return compareObjects(x, y)
        case (.set(let x), .set(let y)): return compareSequences(x.sorted(), y.sorted())
        default: return 0
        }
    }

    /// Byte order of the UTF-8 encodings (Go's string order), compared in place: the generic
    /// `lexicographicallyPrecedes` over two UTF8Views dominated sorting object keys.
    public static func compareStrings(_ x: String, _ y: String) -> Int {
        var x = x, y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in
                let n = min(a.count, b.count)
                var i = 0
                while i < n {
                    let l = a[i], r = b[i]
                    if l != r { return l < r ? -1 : 1 }
                    i += 1
                }
                return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
            }
        }
    }

    static func compareSequences(_ x: [Value], _ y: [Value]) -> Int {
        for (l, r) in zip(x, y) {
            let c = compare(l, r)
            if c != 0 { return c }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    static func compareObjects(_ x: [Value: Value], _ y: [Value: Value]) -> Int {
        let xs = x.keys.sorted(), ys = y.keys.sorted()
        for (l, r) in zip(xs, ys) {
            let c = compare(l, r)
            if c != 0 { return c }
            let v = compare(x[l]!, y[r]!)
            if v != 0 { return v }
        }
        return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
    }
}

extension Dictionary where Key == Value, Value == StrataRegoAST.Value {
    /// Key/value pairs sorted by key in OPA's order.
    public var sortedPairs: [(key: StrataRegoAST.Value, value: StrataRegoAST.Value)] {
        sorted { StrataRegoAST.Value.compare($0.key, $1.key) < 0 }
    }
}
