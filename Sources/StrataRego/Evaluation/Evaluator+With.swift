import StrataRegoAST

extension Evaluator {
    /// `expr with target as value …`: evaluates `expr` in a modified context, the rest of the body in the original.
    func evalWith(_ e: Expr, _ b: Bindings, _ k: BodyContinuation) throws {
        try withValues(e.with[...], b) { values in
            var inner = ctx
            inner.cache = EvalCache()
            for (modifier, value) in zip(e.with, values) {
                try apply(modifier, value, to: &inner)
            }
            let outer = ctx
            ctx = inner
            defer { ctx = outer }
            try evalNegatable(e, b) { b2 in
                let saved = self.ctx
                self.ctx = outer
                defer { self.ctx = saved }
                try k(b2)
            }
        }
    }

    private func withValues(_ mods: ArraySlice<WithModifier>, _ b: Bindings, _ k: ([Value]) throws -> Void) throws {
        guard let m = mods.first else { return try k([]) }
        if mockName(m.value) != nil { return try withValues(mods.dropFirst(), b) { rest in try k([.null] + rest) } }
        guard let v = try firstValue(m.value, b) else { return }
        try withValues(mods.dropFirst(), b) { rest in try k([v] + rest) }
    }

    /// The function a `with` value names (`with f as g`), if it names one.
    private func mockName(_ t: Term) -> String? {
        let name: String?
        switch t.kind {
        case .variable(let v): name = v
        case .ref: name = Term.dottedName(t)
        default: name = nil
        }
        guard let name, arity(of: name) != nil else { return nil }
        return name
    }

    private func apply(_ m: WithModifier, _ value: Value, to inner: inout EvalContext) throws {
        let target = m.target
        guard let name = Term.dottedName(target) else {
            throw RegoError(.type, "with keyword target must reference existing input, data, or a function", at: target.location)
        }
        let path = name.split(separator: ".").map(String.init)
        if path[0] == "input" {
            inner.input = Evaluator.setting(inner.input ?? .emptyObject, path.dropFirst().map(Value.string)[...], value)
            if path.count == 1 { inner.input = value }
            return
        }
        let isFunction = path[0] == "data" ? !functionRules(name).isEmpty : builtins[name] != nil
        if isFunction {
            inner.mocks[name] = mockName(m.value).map(FunctionMock.function) ?? .value(value)
            return
        }
        guard path[0] == "data" else {
            throw RegoError(.type, "with keyword target must reference existing input, data, or a function", at: target.location)
        }
        inner.dataOverrides.append((Array(path.dropFirst()), value))
    }
}

extension Term {
    /// `a.b.c` for a var or a ref of constant string keys.
    static func dottedName(_ t: Term) -> String? {
        switch t.kind {
        case .variable(let v): return v
        case .ref(let parts):
            guard let head = parts[0].variableName else { return nil }
            var names = [head]
            for p in parts.dropFirst() {
                guard case .value(.string(let s)) = p.kind else { return nil }
                names.append(s)
            }
            return names.joined(separator: ".")
        default: return nil
        }
    }
}
