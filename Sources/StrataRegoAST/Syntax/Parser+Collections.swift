extension Parser {
    /// `[…]` array or `[x | body]` comprehension.
    mutating func arrayTerm() throws(RegoError) -> Term {
        let loc = advance().location
        if accept("]") { return Term(.array([]), at: loc) }
        let start = self
        var first = try term(noOr: true)
        if accept("|") {
            // `[x | y, 5]` is an array whose first element is `x | y`: as OPA does, fall back to a literal
            // when the text after `|` is not a comprehension body.
            let afterBar = self
            do {
                return Term(.arrayComprehension(first, try comprehensionBody(closing: "]")), at: loc)
            } catch {
                self = start
                first = try term()
                guard peek().isPunct(",") else { self = afterBar; throw error }
            }
        }
        var items = [first]
        while accept(",") {
            if peek().isPunct("]") { break }
            items.append(try term())
        }
        try expect("]")
        return Term(.array(items), at: loc)
    }

    /// `{}` object, `{k: v}` object, `{x}` set, `{x | body}` / `{k: v | body}` comprehensions.
    mutating func braceTerm() throws(RegoError) -> Term {
        let loc = advance().location
        if accept("}") { return Term(.object([]), at: loc) }
        let first = try term(noOr: true)
        if accept(":") {
            let value = try term(noOr: true)
            if accept("|") {
                return Term(.objectComprehension(first, value, try comprehensionBody(closing: "}")), at: loc)
            }
            return try objectRest(TermPair(key: first, value: value), at: loc)
        }
        if accept("|") { return Term(.setComprehension(first, try comprehensionBody(closing: "}")), at: loc) }
        var items = [first]
        while accept(",") {
            if peek().isPunct("}") { break }
            items.append(try term())
        }
        try expect("}")
        return Term(.set(items), at: loc)
    }

    private mutating func objectRest(_ first: TermPair, at loc: Location) throws(RegoError) -> Term {
        var pairs = [first]
        while accept(",") {
            if peek().isPunct("}") { break }
            let key = try term()
            try expect(":")
            pairs.append(TermPair(key: key, value: try term()))
        }
        try expect("}")
        return Term(.object(pairs), at: loc)
    }

    private mutating func comprehensionBody(closing: String) throws(RegoError) -> [Expr] {
        try withNewlines(skipping: false) { (p: inout Parser) throws(RegoError) in
            let body = try p.bodyExprs(until: closing)
            guard !body.isEmpty else { throw p.error("empty comprehension body") }
            try p.expect(closing)
            return body
        }
    }
}
