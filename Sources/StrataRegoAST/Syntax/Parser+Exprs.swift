extension Parser {
    mutating func expr() throws(RegoError) -> Expr {
        try nest { (p: inout Parser) throws(RegoError) in try p.exprUnnested() }
    }

    private mutating func exprUnnested() throws(RegoError) -> Expr {
        let start = peek()
        if start.isIdent("some") { return try withModifiers(try someExpr()) }
        if start.isIdent("every") { return try withModifiers(try everyExpr()) }
        var negated = false
        if start.isIdent("not") {
            advance()
            negated = true
            if wholeNegation, peek().isPunct("{") {
                let save = index
                do {
                    let body = try block()
                    var e = Expr(.term(Term(.arrayComprehension(Term(.value(.true), at: start.location), body), at: start.location)),
                                 negated: true, at: start.location)
                    e.negationIsWhole = true
                    e.isNotBlock = true
                    return try withModifiers(e)
                } catch {
                    index = save  // not a body: a set literal (`not {1}`)
                }
            }
        }
        let lhs = try term()
        var kind: Expr.Kind = .term(lhs)
        if peek().isPunct(","), !negated {
            advance()
            let second = try term()
            guard case .call("internal.member_2", let parts) = second.kind else {
                throw RegoError(.parse, "unexpected ',' in expression", at: second.location)
            }
            kind = .term(Term(.call("internal.member_3", [lhs, parts[0], parts[1]]), at: lhs.location))
        } else if peek().isPunct(":=") {
            advance()
            kind = .assign(lhs, try term())
        } else if peek().isPunct("=") {
            advance()
            kind = .unify(lhs, try term())
        }
        var e = Expr(kind, negated: negated, at: start.location)
        e.negationIsWhole = negated && wholeNegation
        return try withModifiers(e)
    }

    private mutating func withModifiers(_ expr: Expr) throws(RegoError) -> Expr {
        var expr = expr
        while true {
            var ahead = index
            while tokens[ahead].kind == .newline { ahead += 1 }
            guard tokens[ahead].isIdent("with") else { break }
            index = ahead
            advance()
            let target = try term()
            guard peek().isIdent("as") else { throw error("expected 'as' in with modifier") }
            advance()
            expr.with.append(WithModifier(target: target, value: try term()))
        }
        return expr
    }

    /// `some x, y` or `some [k,] v in xs`.
    private mutating func someExpr() throws(RegoError) -> Expr {
        let loc = advance().location
        var terms = [try term()]
        while peek().isPunct(",") {
            advance()
            terms.append(try term())
        }
        if case .call("internal.member_2", let parts) = terms.last!.kind {
            guard terms.count <= 2 else { throw RegoError(.parse, "unexpected ',' in some declaration", at: loc) }
            let key = terms.count == 2 ? terms[0] : nil
            return Expr(.someIn(key: key, value: parts[0], collection: parts[1]), at: loc)
        }
        var names: [String] = []
        for t in terms {
            guard let name = t.variableName else { throw RegoError(.parse, "expected variable in some declaration", at: t.location) }
            names.append(name)
        }
        return Expr(.someDecl(names), at: loc)
    }

    /// `every [k,] v in xs { body }`.
    private mutating func everyExpr() throws(RegoError) -> Expr {
        let loc = advance().location
        let first = try term()
        var key: Term?
        var membership = first
        if peek().isPunct(",") {
            advance()
            key = first
            membership = try term()
        }
        guard case .call("internal.member_2", let parts) = membership.kind else {
            throw RegoError(.parse, "expected 'in' in every expression", at: loc)
        }
        for v in [key, parts[0]].compactMap({ $0 }) where v.variableName == nil {
            throw RegoError(.parse, "expected variable in every expression", at: v.location)
        }
        let body = try block()
        return Expr(.every(key: key, value: parts[0], domain: parts[1], body: body), at: loc)
    }
}
