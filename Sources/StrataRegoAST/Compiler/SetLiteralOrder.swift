/// OPA keeps a set literal's terms in its term order: constants by value, then variables (calls become
/// compiler locals, so they sort as variables), refs, arrays, objects, sets and comprehensions. A literal
/// with non-constant terms is evaluated term by term in that order, and the set so built is iterated in
/// that insertion order rather than sorted (`some x in {input.s, input.z, 3, 1}` visits 1, 3, then the
/// values of `input.s` and `input.z`). It shows in which error a domain raises first and where `every` stops.
/// An object literal is evaluated pair by pair in the order of its key terms, and one with computed keys
/// is iterated in that order. The resolver puts every set and object literal in this order once, at
/// compile time, so evaluation follows it without sorting.
public enum SetLiteralOrder {
    /// Whether the literal has a term that is not a constant (only then does the order differ from sorted).
    public static func applies(_ items: [Term]) -> Bool {
        items.contains { $0.constantValue == nil }
    }

    public static func sorted(_ items: [Term]) -> [Term] { sorted(items, by: { $0 }) }

    /// Object literals order their pairs by the key terms the same way.
    public static func sorted<T>(_ items: [T], by term: (T) -> Term) -> [T] {
        var keys = items.map { Key(term($0)) }
        // OPA's compiler turns each call into a local before the literal is ordered again, numbering the
        // locals in the order of the calls themselves (by operator name, then arguments).
        let calls = keys.indices.filter { keys[$0].isCall }.sorted { i, j in
            let c = keys[i].compare(keys[j])
            return c != 0 ? c < 0 : i < j
        }
        for (n, i) in calls.enumerated() { keys[i] = .variable("__local" + String(repeating: "0", count: max(0, 6 - String(n).count)) + String(n) + "__") }
        let keyed = items.indices.map { (items[$0], keys[$0], $0) }
        return keyed.sorted { l, r in
            let c = l.1.compare(r.1)
            return c != 0 ? c < 0 : l.2 < r.2
        }.map(\.0)
    }

    /// A term reduced to what OPA's term comparison looks at.
    private indirect enum Key {
        case value(Value)
        case variable(String)
        case ref([Key])
        case array([Key])
        /// A call as OPA compares it: operator name parts, then arguments.
        case call([String], [Key])
        case other(rank: Int)

        init(_ t: Term) {
            switch t.kind {
            case .value(let v): self = .value(v)
            case .variable(let name): self = .variable(name)
            case .call(let name, let args): self = .call(name.split(separator: ".").map(String.init), args.map(Key.init))
            case .ref(let parts): self = .ref(parts.map(Key.init))
            case .array(let items): self = .array(items.map(Key.init))
            case .object: self = .other(rank: 7)
            case .set: self = .other(rank: 8)
            case .arrayComprehension: self = .other(rank: 9)
            case .objectComprehension: self = .other(rank: 10)
            case .setComprehension: self = .other(rank: 11)
            }
        }

        var isCall: Bool { if case .call = self { return true } else { return false } }

        var rank: Int {
            switch self {
            // Values keep their place in OPA's value order; variables and refs sort between strings and arrays.
            case .value(let v): return v.rank
            case .variable: return 4
            case .ref: return 5
            case .array: return 6
            case .call: return 12
            case .other(let rank): return rank
            }
        }

        func compare(_ other: Key) -> Int {
            let (a, b) = (rank, other.rank)
            if a != b { return a < b ? -1 : 1 }
            switch (self, other) {
            case (.value(let x), .value(let y)): return Value.compare(x, y)
            case (.variable(let x), .variable(let y)): return x == y ? 0 : (x < y ? -1 : 1)
            case (.ref(let x), .ref(let y)), (.array(let x), .array(let y)): return Self.compare(x, y)
            case (.call(let f, let x), .call(let g, let y)):
                for (a, b) in zip(f, g) where a != b { return a < b ? -1 : 1 }
                if f.count != g.count { return f.count < g.count ? -1 : 1 }
                return Self.compare(x, y)
            case (.value(.array(let x)), .array(let y)): return Self.compare(x.map(Key.value), y)
            case (.array(let x), .value(.array(let y))): return Self.compare(x, y.map(Key.value))
            default: return 0
            }
        }

        static func compare(_ x: [Key], _ y: [Key]) -> Int {
            for (a, b) in zip(x, y) {
                let c = a.compare(b)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        }
    }
}

