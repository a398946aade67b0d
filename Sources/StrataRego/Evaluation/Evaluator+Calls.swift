import StrataRegoAST

extension Evaluator {
    /// Declared argument count of a builtin or user function (nil if unknown).
    func arity(of name: String) -> Int? {
        if name.hasPrefix("data.") {
            return functionRules(name).first?.rule.args.count
        }
        return builtins[name]?.arity
    }

    /// The function rules a `data.…` name denotes; looked up once per evaluation (the body-ordering check
    /// asks for arities at every expression, and walking the trie each time was a tenth of the run time).
    func functionRules(_ name: String) -> [CompiledRule] {
        if let known = functionTable[name] { return known }
        let path = name.split(separator: ".").dropFirst().map(String.init)
        let rules = policy.rules(at: path).filter(\.isFunction)
        functionTable[name] = rules
        return rules
    }

    func evalCall(_ name: String, _ args: [Term], _ b: Bindings, _ loc: Location, _ k: TermContinuation) throws {
        let target = name
        if let mock = ctx.mocks[name] {
            switch mock {
            case .value(let v):
                return try evalTerms(args[...], b) { _, b2 in try k(v, b2) }
            case .function(let other):
                // Inputs are evaluated with the mocks in effect (OPA hoists them out of the call); only the
                // replacement runs without them, so it may call the original.
                let declared = builtins[name]?.arity ?? arity(of: name) ?? args.count
                let inputs = declared < 0 ? args.count : min(declared, args.count)  // -1: variadic
                return try evalArgs(Array(args.prefix(inputs)), b) { values, b2 in
                    let ground = zip(values, args).map { Term(.value($0), at: $1.location) } + args.dropFirst(inputs)
                    try self.withoutMock(name) { try self.evalCall(other, ground, b2, loc, k) }
                }
            }
        }
        if let special = try evalSpecial(target, args, b, loc, k) { return special }
        if args.isEmpty, target.hasPrefix("data."), functionRules(target).isEmpty {
            let ref = target.split(separator: ".").map { Term.string(String($0), at: loc) }
            return try evalDataRef(ref.dropFirst(), b, k)
        }
        // One registry lookup per call: the builtin found here is the one invoked.
        let builtin = target.hasPrefix("data.") ? nil : builtins[target]
        guard let arity = builtin?.arity ?? arity(of: target) else {
            throw RegoError(.type, "undefined function \(name)", at: loc)
        }
        let inputs = args.count == arity + 1 ? args.dropLast()[...] : args[...]
        guard inputs.count == arity else {
            throw RegoError(.type, "\(name): arity mismatch: expected \(arity) arguments, got \(args.count)", at: loc)
        }
        try evalArgs(Array(inputs), b) { values, b2 in
            let output = if let builtin { try self.invoke(builtin, values, loc) } else { try self.invoke(target, values, loc) }
            guard let result = output else { return }
            if args.count == arity + 1 {
                try self.unify(args[arity], result, b2) { b3 in try k(.true, b3) }
            } else {
                try k(result, b2)
            }
        }
    }

    /// Evaluates call arguments, plain variables last (so `x == xs[x]` binds x by iteration first), and
    /// ground nested calls first: OPA hoists nested calls into expressions before the one using them, so
    /// `[][1] == indexof(s, "")` raises indexof's error rather than being undefined.
    func evalArgs(_ args: [Term], _ b: Bindings, _ k: ([Value], Bindings) throws -> Void) throws {
        let callsFirst = Self.callFollowsRef(args)
        // Left to right when no plain variable precedes another argument (the common case: no reordering).
        let firstVariable = args.firstIndex { $0.variableName != nil } ?? args.count
        if !callsFirst, !args[firstVariable...].contains(where: { $0.variableName == nil }) { return try evalTerms(args[...], b, k) }
        func rank(_ t: Term) -> Int {
            if t.variableName != nil { return 2 }
            if callsFirst, case .call = t.kind, Self.isGround(t, b) { return 0 }
            return 1
        }
        let ranks = args.map(rank)
        let order = args.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        if order == Array(args.indices) { return try evalTerms(args[...], b, k) }
        try evalTerms(order.map { args[$0] }[...], b) { values, b2 in
            var out = [Value](repeating: .null, count: args.count)
            for (i, v) in zip(order, values) { out[i] = v }
            try k(out, b2)
        }
    }

    /// A call argument comes after a ref (or a collection that may hold one).
    static func callFollowsRef(_ args: [Term]) -> Bool {
        var sawRef = false
        for a in args {
            switch a.kind {
            case .call: if sawRef { return true }
            case .value, .variable: break
            default: sawRef = true
            }
        }
        return false
    }

    /// The term's variables are all bound (or are `input`/`data`) and it holds no comprehension.
    static func isGround(_ t: Term, _ b: Bindings) -> Bool {
        switch t.kind {
        case .value: return true
        case .variable(let v): return v == "input" || v == "data" || b[v] != nil
        case .ref(let parts), .array(let parts), .set(let parts), .call(_, let parts): return parts.allSatisfy { isGround($0, b) }
        case .object(let pairs): return pairs.allSatisfy { isGround($0.key, b) && isGround($0.value, b) }
        case .arrayComprehension, .setComprehension, .objectComprehension: return false
        }
    }

    /// Runs `body` with the mock for `name` removed (a replacement may call the original).
    private func withoutMock(_ name: String, _ body: () throws -> Void) throws {
        let outer = ctx
        var inner = ctx
        inner.mocks = [:]
        inner.cache = EvalCache()
        ctx = inner
        defer { ctx = outer }
        try body()
    }

    /// Calls a user function or builtin with argument values.
    func invoke(_ name: String, _ values: [Value], _ loc: Location) throws -> Value? {
        if name.hasPrefix("data.") { return try invokeFunction(name, values, loc) }
        guard let builtin = builtins[name] else { throw RegoError(.type, "undefined function \(name)", at: loc) }
        return try invoke(builtin, values, loc)
    }

    func invoke(_ builtin: Builtin, _ values: [Value], _ loc: Location) throws -> Value? {
        let name = builtin.name
        guard case .function(let impl) = builtin.body else {
            throw RegoError(.type, "undefined function \(name)", at: loc)
        }
        do {
            return try impl(values, builtinContext)
        } catch {
            guard options.strictBuiltinErrors || error.halts else { return nil }
            let code: RegoError.Code = error.kind == .type ? .evalType : .evalBuiltin
            throw RegoError(code, "\(name): \(error.message)", at: loc)
        }
    }

    private func invokeFunction(_ name: String, _ values: [Value], _ loc: Location) throws -> Value? {
        // Memoised only for small arguments: hashing a large object (a whole manifest) on every call
        // costs more than most function bodies.
        let memoisable = values.allSatisfy { $0.isSmallKey }
        if memoisable, let cached = ctx.cache.functions[name]?[values] { return cached }
        let rules = functionRules(name)
        var result: Value?
        for rule in rules where !rule.rule.isDefault {
            try tick(loc)
            guard ruleStack.count < 2_000 else { throw RegoError(.recursion, "function \(name) is recursive", at: loc) }
            var outputs: [Value] = []
            try bindArgs(rule.rule.args[...], values[...], [:]) { b in
                if let v = try self.evalWithElse(rule, b) { outputs.append(v) }
            }
            for v in outputs {
                if let r = result, r != v {
                    throw RegoError(.evalConflict, "functions must not produce multiple outputs for same inputs", at: rule.rule.location)
                }
                result = v
            }
        }
        if result == nil, let d = rules.first(where: { $0.rule.isDefault }) {
            result = try firstValue(d.rule.value, [:])
        }
        if memoisable { ctx.cache.functions[name, default: [:]][values] = result }
        return result
    }

    private func bindArgs(_ patterns: ArraySlice<Term>, _ values: ArraySlice<Value>, _ b: Bindings, _ k: BodyContinuation) throws {
        guard let p = patterns.first, let v = values.first else { return try k(b) }
        try unify(p, v, b) { b2 in try self.bindArgs(patterns.dropFirst(), values.dropFirst(), b2, k) }
    }
}
