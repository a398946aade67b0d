import StrataRegoAST

extension Evaluator {
    /// Builtins that need the evaluator: `print`, `walk`, `rego.metadata.*`, `trace`.
    /// Returns nil when `name` is not one of them.
    func evalSpecial(_ name: String, _ args: [Term], _ b: Bindings, _ loc: Location, _ k: TermContinuation) throws -> Void? {
        switch name {
        case "print":
            var parts: [String] = []
            for a in args {
                var vals: [String] = []
                try evalTerm(a, b) { v, _ in vals.append(v.stringValue ?? v.regoString) }
                parts.append(vals.isEmpty ? "<undefined>" : vals.joined(separator: " "))
            }
            printed.append(parts.joined(separator: " "))
            return try k(.true, b)
        case "trace":
            return try evalTerms(args[...], b) { values, b2 in
                // `--explain notes` shows these, as OPA's Note events.
                self.options.observer?.note(values.first?.stringValue ?? values.first?.regoString ?? "", at: loc)
                try k(.true, b2)
            }
        case "walk":
            return try evalWalk(args, b, k)
        case "rego.metadata.rule":
            return try k(metadataRule(), b)
        case "rego.metadata.chain":
            return try k(metadataChain(), b)
        default:
            return nil
        }
    }

    private func evalWalk(_ args: [Term], _ b: Bindings, _ k: TermContinuation) throws {
        try evalTerm(args[0], b) { root, b2 in
            var pairs: [Value] = []
            Evaluator.walk(root, path: [], into: &pairs)
            for pair in pairs {
                if args.count == 2 {
                    try self.unify(args[1], pair, b2) { b3 in try k(.true, b3) }
                } else {
                    try k(pair, b2)
                }
            }
        }
    }

    static func walk(_ v: Value, path: [Value], into out: inout [Value]) {
        out.append(.array([.array(path), v]))
        for (key, child) in entries(v) { walk(child, path: path + [key], into: &out) }
    }

    private func metadataRule() -> Value {
        guard let rule = ruleStack.last, let a = rule.rule.annotations.first else { return .emptyObject }
        return AnnotationParser.value(a)
    }

    private func metadataChain() -> Value {
        guard let rule = ruleStack.last else { return .array([]) }
        var entry: [Value: Value] = [.string("path"): .array(rule.path.map(Value.string))]
        if let a = rule.rule.annotations.first { entry[.string("annotations")] = AnnotationParser.value(a) }
        var chain: [Value] = [.object(entry)]
        for other in policy.rules(at: rule.path) where other != rule {
            for a in other.rule.annotations {
                let v = AnnotationParser.value(a)
                if v[.string("scope")] == .string("document") {
                    chain.append(.object([.string("path"): .array(rule.path.map(Value.string)), .string("annotations"): v]))
                }
            }
        }
        for module in policy.modules where module.package == rule.package {
            for a in module.annotations {
                chain.append(.object([.string("path"): .array(module.package.map(Value.string)),
                                      .string("annotations"): AnnotationParser.value(a, defaultScope: "package")]))
            }
        }
        return .array(chain)
    }
}
