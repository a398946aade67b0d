import StrataRegoAST

extension Evaluator {
    func evalRef(_ parts: [Term], _ b: Bindings, _ k: TermContinuation) throws {
        let head = parts[0]
        let rest = parts[1...]
        if let name = head.variableName, b[name] == nil {
            if name == "data" { return try evalDataRef(rest, b, k) }
            if name == "input" {
                guard let input = ctx.input else { return }
                return try index(input, rest, b, k)
            }
        }
        try evalTerm(head, b) { hv, b2 in try self.index(hv, rest, b2, k) }
    }

    /// Applies ref keys to a value; unbound keys iterate over the collection. `base`: the value is a
    /// base document, whose object keys are strings, so a number key reads its string (`data.x[2]`).
    func index(_ value: Value, _ parts: ArraySlice<Term>, _ b: Bindings, base: Bool = false, _ k: TermContinuation) throws {
        guard let part = parts.first else { return try k(value, b) }
        let rest = parts.dropFirst()
        if isGround(part, b) {
            try evalTerm(part, b) { key, b2 in
                var child = value[key]
                if base, child == nil, case .object = value, case .number(let n) = key { child = value[.string(n.description)] }
                if let child { try self.index(child, rest, b2, base: base, k) }
            }
            return
        }
        for (key, child) in sortedEntries.entries(value) {
            try unify(part, key, b) { b2 in try self.index(child, rest, b2, base: base, k) }
        }
    }

    func isGround(_ t: Term, _ b: Bindings) -> Bool {
        switch t.kind {
        case .value: return true
        case .variable(let v): return b[v] != nil
        case .array(let items), .set(let items): return items.allSatisfy { isGround($0, b) }
        case .object(let pairs): return pairs.allSatisfy { isGround($0.key, b) && isGround($0.value, b) }
        default: return true
        }
    }

    /// The key a ref part denotes, if it is a constant or bound string.
    private func staticKey(_ t: Term, _ b: Bindings) -> String? {
        switch t.kind {
        case .value(.string(let s)): return s
        case .value(.number(let n)): return n.description
        case .variable(let v):
            if case .number(let n)? = b[v] { return n.description }
            return b[v]?.stringValue
        default: return nil
        }
    }

    /// `data.…`: walks the rule trie as far as the keys are static, then evaluates the document there.
    func evalDataRef(_ parts: ArraySlice<Term>, _ b: Bindings, _ k: TermContinuation) throws {
        var path: [String] = []
        var node = policy.tree
        var i = parts.startIndex
        while i < parts.endIndex {
            if let ov = override(at: path) { return try index(ov, parts[i...], b, k) }
            guard node.rules.isEmpty, let key = staticKey(parts[i], b) else { break }
            path.append(key)
            i += 1
            guard let next = node.children[key] else {
                guard let base = baseData(at: path) else { return }
                return try index(base, parts[i...], b, base: true, k)
            }
            node = next
        }
        if let ov = override(at: path) { return try index(ov, parts[i...], b, k) }
        guard let doc = try document(at: path, node) else { return }
        try index(doc, parts[i...], b, k)
    }

    /// An override from `with data.… as …` that covers `path`, indexed down to it.
    func override(at path: [String]) -> Value? {
        for ov in ctx.dataOverrides.reversed() where path.starts(with: ov.path) {
            var v = ov.value
            for key in path.dropFirst(ov.path.count) {
                guard let child = v[.string(key)] else { return nil }
                v = child
            }
            return v
        }
        return nil
    }

    /// Base data at a path, with deeper `with` overrides applied.
    func baseData(at path: [String]) -> Value? {
        if let ov = override(at: path) { return ov }
        var v: Value? = ctx.data
        for key in path { v = v?[.string(key)] }
        let deeper = ctx.dataOverrides.contains { $0.path.count > path.count && $0.path.starts(with: path) }
        guard v != nil || deeper else { return nil }
        return applyDeeperOverrides(v ?? .emptyObject, at: path)
    }

    func applyDeeperOverrides(_ value: Value, at path: [String]) -> Value {
        var v = value
        for ov in ctx.dataOverrides where ov.path.count > path.count && ov.path.starts(with: path) {
            v = Evaluator.setting(v, Array(ov.path.dropFirst(path.count)).map(Value.string)[...], ov.value)
        }
        return v
    }

    /// A copy of `value` with `path` set to `newValue`, creating objects on the way.
    static func setting(_ value: Value, _ path: ArraySlice<Value>, _ newValue: Value) -> Value {
        guard let key = path.first else { return newValue }
        var dict: [Value: Value] = [:]
        if case .object(let existing) = value { dict = existing }
        dict[key] = setting(dict[key] ?? .emptyObject, path.dropFirst(), newValue)
        return .object(dict)
    }
}
