import StrataRegoAST

/// OPA v1.20 treats a clause whose whole body is `not true` as satisfied when its head value needs
/// evaluation (a ref, call or comprehension, which OPA moves into the body): `r := count([1]) if { not true }`
/// is 1 while `r := 1 if { not true }` is undefined. Strata keeps `not true` false. A disagreement is this
/// quirk when rewriting exactly those bodies to `true` makes Strata agree with OPA.
enum NotTrueQuirk {
    /// The program with the affected bodies replaced by `true`, or nil when it has none.
    static func rewritten(_ p: FuzzProgram) -> FuzzProgram? {
        guard var module = try? Parser.parseModule(p.module, file: FuzzProgram.moduleName) else { return nil }
        var changed = false
        for i in module.rules.indices {
            var rule = module.rules[i]
            if affected(rule.body, rule.value) || rule.key.map({ affected(rule.body, $0) }) == true { rule.body = [truth(at: rule.location)]; changed = true }
            for j in rule.elseChain.indices where affected(rule.elseChain[j].body, rule.elseChain[j].value) {
                rule.elseChain[j].body = [truth(at: rule.elseChain[j].location)]
                changed = true
            }
            module.rules[i] = rule
        }
        guard changed else { return nil }
        var out = p
        out.module = Formatter.format(module)
        return out
    }

    private static func affected(_ body: [Expr], _ value: Term) -> Bool {
        guard body.count == 1, body[0].negated, body[0].with.isEmpty,
              case .term(let t) = body[0].kind, t.constantValue == .bool(true) else { return false }
        return value.constantValue == nil
    }

    private static func truth(at loc: Location) -> Expr {
        Expr(.term(Term(.value(.bool(true)), at: loc)), at: loc)
    }
}
