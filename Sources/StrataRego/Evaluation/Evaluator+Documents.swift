import StrataRegoAST

extension Evaluator {
    /// The virtual (and base) document at a `data` path, memoised per evaluation context.
    func document(at path: [String], _ node: RuleNode) throws -> Value? {
        if node.id != 0 {
            if let cached = ctx.cache.documents[node.id] { return cached }
        } else if let cached = ctx.cache.documentsByPath[path] {
            return cached
        }
        guard inProgress.insert(path).inserted else {
            let loc = node.rules.first?.rule.location
            throw RegoError(.recursion, "rule data.\(path.joined(separator: ".")) is recursive", at: loc)
        }
        defer { inProgress.remove(path) }
        let value = try computeDocument(at: path, node)
        if node.id != 0 { ctx.cache.documents[node.id] = value } else { ctx.cache.documentsByPath[path] = value }
        return value
    }

    private func computeDocument(at path: [String], _ node: RuleNode) throws -> Value? {
        let rules = node.rules.filter { !$0.isFunction }
        let complete = rules.filter { $0.rule.kind == .complete && $0.dynamicKeys.isEmpty }
        let multi = rules.filter { $0.rule.kind == .multiValue && $0.dynamicKeys.isEmpty }
        let dynamicMulti = rules.filter { $0.rule.kind == .multiValue && !$0.dynamicKeys.isEmpty }
        let dynamic = rules.filter { $0.rule.kind == .complete && !$0.dynamicKeys.isEmpty }
        if !complete.isEmpty, dynamic.isEmpty, node.children.isEmpty { return try evalComplete(complete) }
        if !multi.isEmpty, dynamic.isEmpty, dynamicMulti.isEmpty { return try evalMultiValue(multi) }
        if rules.isEmpty, !node.rules.isEmpty { return nil }
        var dict: [Value: Value] = [:]
        if case .object(let base)? = baseData(at: path) { dict = base }
        for (name, child) in node.children.sorted(by: { $0.key < $1.key }) where child.hasDocuments || !child.children.isEmpty {
            if let ov = override(at: path + [name]) { dict[.string(name)] = ov; continue }
            if let v = try document(at: path + [name], child) { dict[.string(name)] = v }
        }
        if let completeValue = try complete.isEmpty ? nil : evalComplete(complete) {
            guard case .object(let extra) = completeValue else { return completeValue }
            dict.merge(extra) { a, _ in a }
        }
        for rule in dynamic {
            try evalDynamic(rule, rule.rule.value) { keys, value in
                try Evaluator.insert(&dict, keys[...], value, at: rule.rule.location)
            }
        }
        for rule in dynamicMulti {
            guard let element = rule.rule.key else { continue }
            try evalDynamic(rule, element) { keys, value in
                try Evaluator.insertElement(&dict, keys[...], value, at: rule.rule.location)
            }
        }
        return applyDeeperOverrides(.object(dict), at: path)
    }

    static func insert(_ dict: inout [Value: Value], _ keys: ArraySlice<Value>, _ value: Value, at loc: Location) throws {
        let key = keys.first!
        if keys.count == 1 {
            if let existing = dict[key], existing != value {
                throw RegoError(.evalConflict, "object keys must be unique", at: loc)
            }
            dict[key] = value
            return
        }
        var inner: [Value: Value] = [:]
        if let existing = dict[key] {
            guard case .object(let o) = existing else { throw RegoError(.evalConflict, "object keys must be unique", at: loc) }
            inner = o
        }
        try insert(&inner, keys.dropFirst(), value, at: loc)
        dict[key] = .object(inner)
    }

    /// Adds `element` to the set at `keys` (multi-value rules with variables in the ref).
    static func insertElement(_ dict: inout [Value: Value], _ keys: ArraySlice<Value>, _ element: Value, at loc: Location) throws {
        let key = keys.first!
        if keys.count == 1 {
            switch dict[key] {
            case nil: dict[key] = .set([element])
            case .set(var members)?:
                members.insert(element)
                dict[key] = .set(members)
            default: throw RegoError(.evalConflict, "object keys must be unique", at: loc)
            }
            return
        }
        var inner: [Value: Value] = [:]
        if let existing = dict[key] {
            guard case .object(let o) = existing else { throw RegoError(.evalConflict, "object keys must be unique", at: loc) }
            inner = o
        }
        try insertElement(&inner, keys.dropFirst(), element, at: loc)
        dict[key] = .object(inner)
    }

    /// Complete rules: all definitions must agree; else chains and the default apply.
    func evalComplete(_ rules: [CompiledRule]) throws -> Value? {
        var result: Value?
        for rule in rules where !rule.rule.isDefault {
            guard let v = try evalWithElse(rule, [:]) else { continue }
            if let r = result, r != v {
                throw RegoError(.evalConflict, "complete rules must not produce multiple outputs", at: rule.rule.location)
            }
            result = v
        }
        if result == nil, let d = rules.first(where: { $0.rule.isDefault }) {
            result = try withRule(d) { try firstValue(d.rule.value, [:]) }
        }
        return result
    }

    /// The value of a rule's first succeeding clause (body, then each `else`).
    func evalWithElse(_ rule: CompiledRule, _ b: Bindings) throws -> Value? {
        try withRule(rule) {
            let message = rule.isFunction ? "functions must not produce multiple outputs for same inputs"
                                          : "complete rules must not produce multiple outputs"
            if indexAdmits(rule, clause: 0, b),
               let v = try evalClause(rule.rule.body, rule.rule.value, b, conflict: message, at: rule.rule.location) { return v }
            for (i, clause) in rule.rule.elseChain.enumerated() where indexAdmits(rule, clause: i + 1, b) {
                if let v = try evalClause(clause.body, clause.value, b, conflict: message, at: clause.location) { return v }
            }
            return nil
        }
    }

    private func evalClause(_ body: [Expr], _ valueTerm: Term, _ b: Bindings, conflict: String, at loc: Location) throws -> Value? {
        var result: Value?
        let constant = valueTerm.constantValue != nil
        _ = try succeeds { stop in
            try evalBody(body, b) { b2 in
                try self.evalTerm(valueTerm, b2) { v, _ in
                    if let r = result, r != v { throw RegoError(.evalConflict, conflict, at: loc) }
                    result = v
                    self.options.observer?.ruleProduced(at: loc)
                    if constant { try stop() }
                }
            }
        }
        return result
    }

    func evalMultiValue(_ rules: [CompiledRule]) throws -> Value {
        var out = Set<Value>()
        for rule in rules {
            guard let key = rule.rule.key, indexAdmits(rule, clause: 0, [:]) else { continue }
            try withRule(rule) {
                try evalBody(rule.rule.body, [:]) { b in
                    try self.evalTerm(key, b) { v, _ in
                        out.insert(v)
                        self.options.observer?.ruleProduced(at: rule.rule.location)
                    }
                }
            }
        }
        return .set(out)
    }

    func evalDynamic(_ rule: CompiledRule, _ valueTerm: Term, _ emit: ([Value], Value) throws -> Void) throws {
        guard indexAdmits(rule, clause: 0, [:]) else { return }
        try withRule(rule) {
            try evalBody(rule.rule.body, [:]) { b in
                try self.evalTerms(rule.dynamicKeys[...], b) { keys, b2 in
                    try self.evalTerm(valueTerm, b2) { v, _ in
                        self.options.observer?.ruleProduced(at: rule.rule.location)
                        try emit(keys, v)
                    }
                }
            }
        }
    }

    func withRule<T>(_ rule: CompiledRule, _ body: () throws -> T) throws -> T {
        ruleStack.append(rule)
        defer { ruleStack.removeLast() }
        return try body()
    }
}
