extension Parser {
    mutating func rule() throws(RegoError) -> Rule {
        let start = peek()
        let isDefault = start.isIdent("default")
        if isDefault { advance() }
        let loc = peek().location
        var (ref, lastIsBracket) = try ruleRef()
        var args: [Term] = []
        var isFunction = false
        // OPA accepts a space before a function head's arguments (`sum (a, b) := c`).
        if peek().isPunct("(") {
            args = try withNewlines(skipping: true) { (p: inout Parser) throws(RegoError) in try p.termList(closing: ")") }
            isFunction = !args.isEmpty
        }
        var kind: Rule.Kind = isFunction ? .function : .complete
        var key: Term?
        var value = Term(.value(.true), at: loc)
        var hasValue = false
        if peek().isIdent("contains") {
            advance()
            key = try term()
            kind = .multiValue
        } else if peek().isPunct(":=") || peek().isPunct("=") {
            advance()
            value = try term()
            hasValue = true
        } else if options.v0Compatible, !isFunction, ref.count > 1, !isDefault, lastIsBracket {
            key = ref.removeLast()
            kind = .multiValue
        }
        if isDefault {
            guard kind != .multiValue else { throw RegoError(.parse, "default rules must have a value", at: loc) }
            if let illegal = Parser.illegalDefaultPart(value) {
                throw RegoError(.parse, "illegal default rule (value cannot contain \(illegal))", at: start.location)
            }
            try endOfStatement()
            return Rule(kind: kind, ref: ref, args: args, value: value, body: [], isDefault: true, at: loc)
        }
        // v1: a bare head (`p`, `p.a`) is not a rule; OPA's parser says why.
        if !options.v0Compatible, !hasValue, kind != .multiValue, !isFunction, !peek().isIdent("if"), !peek().isPunct("{") {
            throw RegoError(.parse, ref.count > 1 ? "`contains` keyword is required for partial set rules"
                                                  : "var cannot be used for rule name", at: loc)
        }
        let body = try ruleBody(loc: loc)
        var rule = Rule(kind: kind, ref: ref, args: args, key: key, value: value, body: body, at: loc)
        rule.elseChain = try elseChain(defaultValue: loc)
        while options.v0Compatible, tokens[index].isPunct("{") {
            var extra = rule
            extra.body = try block()
            extra.elseChain = []
            pendingRules.append(extra)
        }
        return rule
    }

    /// The head ref: `p`, `p.q`, `p[x]`, `a.b["c"][k]`, and whether its last key was in brackets.
    mutating func ruleRef() throws(RegoError) -> ([Term], Bool) {
        let name = advance()
        guard name.kind == .ident, !Parser.v1Keywords.contains(name.text) || options.v0Compatible && !["default", "else"].contains(name.text) else {
            throw RegoError(.parse, "unexpected \(describe(name)), expected rule head", at: name.location)
        }
        var ref = [Term.string(name.text, at: name.location)]
        var lastIsBracket = false
        while true {
            let t = peek()
            if t.isPunct("."), !t.spaceBefore {
                advance()
                let key = advance()
                guard key.kind == .ident else { throw RegoError(.parse, "expected name after '.'", at: key.location) }
                ref.append(Term.string(key.text, at: key.location))
                lastIsBracket = false
            } else if t.isPunct("["), !t.spaceBefore {
                advance()
                let key = try withNewlines(skipping: true) { (p: inout Parser) throws(RegoError) in try p.term() }
                try expect("]")
                ref.append(key)
                lastIsBracket = true
            } else {
                return (ref, lastIsBracket)
            }
        }
    }

    mutating func ruleBody(loc: Location) throws(RegoError) -> [Expr] {
        let t = tokens[index]
        if t.isIdent("if") {
            advance()
            if peek().isPunct("{") {
                let save = index
                do {
                    return try block()
                } catch {
                    index = save
                }
            }
            return [try expr()]
        }
        if t.isPunct("{") {
            guard options.v0Compatible else { throw RegoError(.parse, "`if` keyword is required before rule body", at: t.location) }
            return try block()
        }
        try endOfStatement()
        return [Expr(.term(Term(.value(.true), at: loc)), at: loc)]
    }

    mutating func elseChain(defaultValue loc: Location) throws(RegoError) -> [ElseClause] {
        var chain: [ElseClause] = []
        while true {
            let save = index
            skipNewlines()
            guard peek().isIdent("else") else { index = save; return chain }
            let elseLoc = advance().location
            var value = Term(.value(.true), at: elseLoc)
            if peek().isPunct(":=") || peek().isPunct("=") {
                advance()
                value = try term()
            }
            let body = try ruleBody(loc: elseLoc)
            chain.append(ElseClause(value: value, body: body, at: elseLoc))
        }
    }

    /// `{ expr (newline|;) … }`
    mutating func block() throws(RegoError) -> [Expr] {
        try nest { (p: inout Parser) throws(RegoError) in
            try p.expect("{")
            return try p.withNewlines(skipping: false) { (q: inout Parser) throws(RegoError) in
                let body = try q.bodyExprs(until: "}")
                try q.expect("}")
                guard !body.isEmpty else { throw q.error("found empty body") }
                return body
            }
        }
    }

    /// Expressions separated by newlines or `;`, stopping before `closing` (or at end of input).
    mutating func bodyExprs(until closing: String?) throws(RegoError) -> [Expr] {
        var body: [Expr] = []
        while true {
            skipStatementSeparators()
            let t = peek()
            if t.kind == .eof { return body }
            if let closing, t.isPunct(closing) { return body }
            body.append(try expr())
            let next = tokens[index]
            if next.kind == .newline || next.isPunct(";") { continue }
            if next.kind == .eof { return body }
            if let closing, next.isPunct(closing) { return body }
            throw RegoError(.parse, "unexpected \(describe(next))", at: next.location)
        }
    }

    /// A default value must be constant: no refs, variables or calls outside comprehensions (OPA's parser rule).
    static func illegalDefaultPart(_ t: Term) -> String? {
        switch t.kind {
        case .value, .arrayComprehension, .setComprehension, .objectComprehension: return nil
        case .variable: return "var"
        case .ref: return "ref"
        case .call: return "call"
        case .array(let parts), .set(let parts): return parts.lazy.compactMap(illegalDefaultPart).first
        case .object(let pairs):
            return pairs.lazy.compactMap { illegalDefaultPart($0.key) ?? illegalDefaultPart($0.value) }.first
        }
    }
}
