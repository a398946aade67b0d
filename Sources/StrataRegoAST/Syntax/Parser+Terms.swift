extension Parser {
    static let relations: [String: String] = ["==": "equal", "!=": "neq", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte"]

    /// A full term, including `in`, relations and arithmetic.
    mutating func term(noOr: Bool = false) throws(RegoError) -> Term {
        try nest { (p: inout Parser) throws(RegoError) in
            var lhs = try p.relation(noOr: noOr)
            while p.peek().isIdent("in") {
                p.advance()
                let rhs = try p.relation(noOr: noOr)
                lhs = Term(.call("internal.member_2", [lhs, rhs]), at: lhs.location)
            }
            return lhs
        }
    }

    private mutating func relation(noOr: Bool) throws(RegoError) -> Term {
        var lhs = try binary(level: 0, noOr: noOr)
        while peek().kind == .punct, let op = Parser.relations[peek().text] {
            advance()
            let rhs = try binary(level: 0, noOr: noOr)
            lhs = Term(.call(op, [lhs, rhs]), at: lhs.location)
        }
        return lhs
    }

    private static let levels: [[String: String]] = [["|": "or"], ["&": "and"], ["+": "plus", "-": "minus"],
                                                     ["*": "mul", "/": "div", "%": "rem"]]

    private mutating func binary(level: Int, noOr: Bool) throws(RegoError) -> Term {
        guard level < Parser.levels.count else { return try unary() }
        var lhs = try binary(level: level + 1, noOr: noOr)
        while peek().kind == .punct, let op = Parser.levels[level][peek().text], !(noOr && level == 0) {
            advance()
            let rhs = try binary(level: level + 1, noOr: noOr)
            lhs = Term(.call(op, [lhs, rhs]), at: lhs.location)
        }
        return lhs
    }

    private mutating func unary() throws(RegoError) -> Term {
        let t = peek()
        if t.isPunct("-") {
            let next = peekAhead(1)
            advance()
            if next.kind == .number, !next.spaceBefore {
                advance()
                return try postfix(try numberTerm("-" + next.text, at: t.location))
            }
            let operand = try unary()
            return Term(.call("minus", [Term(.value(.int(0)), at: t.location), operand]), at: t.location)
        }
        return try postfix(try primary())
    }

    func numberTerm(_ text: String, at loc: Location) throws(RegoError) -> Term {
        guard let n = RegoNumber(writtenAs: text) else { throw RegoError(.parse, "invalid number: \(text)", at: loc) }
        return Term(.value(.number(n)), at: loc)
    }

    /// Refs (`.x`, `[t]`) and calls (`f(…)`) following a primary term.
    private mutating func postfix(_ base: Term) throws(RegoError) -> Term {
        var current = base
        while true {
            let t = peek()
            if t.isPunct("."), !t.spaceBefore {
                advance()
                let key = advance()
                guard key.kind == .ident else { throw RegoError(.parse, "expected name after '.'", at: key.location) }
                current = appendRef(current, Term.string(key.text, at: key.location))
            } else if t.isPunct("["), !t.spaceBefore {
                advance()
                let key = try withNewlines(skipping: true) { (p: inout Parser) throws(RegoError) in try p.term() }
                try expect("]")
                current = appendRef(current, key)
            } else if t.isPunct("("), !t.spaceBefore, let name = Parser.callName(current) {
                let args = try withNewlines(skipping: true) { (p: inout Parser) throws(RegoError) in try p.termList(closing: ")") }
                current = Term(.call(name, args), at: current.location)
            } else {
                return current
            }
        }
    }

    private func appendRef(_ base: Term, _ key: Term) -> Term {
        if case .ref(let parts) = base.kind { return Term(.ref(parts + [key]), at: base.location) }
        return Term(.ref([base, key]), at: base.location)
    }

    static func callName(_ t: Term) -> String? {
        switch t.kind {
        case .variable(let v): return v
        case .ref(let parts):
            guard let head = parts.first?.variableName else { return nil }
            var names = [head]
            for p in parts.dropFirst() {
                guard case .value(.string(let s)) = p.kind else { return nil }
                names.append(s)
            }
            return names.joined(separator: ".")
        default: return nil
        }
    }

    /// Terms separated by commas up to `closing` (consumes the opening and closing delimiters).
    mutating func termList(closing: String) throws(RegoError) -> [Term] {
        advance()
        var items: [Term] = []
        while !peek().isPunct(closing) {
            items.append(try term())
            if !accept(",") { break }
        }
        try expect(closing)
        return items
    }

    private mutating func primary() throws(RegoError) -> Term {
        let t = peek()
        switch t.kind {
        case .number: advance(); return try numberTerm(t.text, at: t.location)
        case .string, .rawString: advance(); return Term.string(t.text, at: t.location)
        case .ident: return try identTerm()
        case .punct:
            if t.isPunct("(") {
                return try withNewlines(skipping: true) { (p: inout Parser) throws(RegoError) in
                    p.advance()
                    let inner = try p.term()
                    if p.accept(",") {
                        let second = try p.term()
                        guard case .call("internal.member_2", let parts) = second.kind else {
                            throw RegoError(.parse, "unexpected ',' in parenthesized term", at: second.location)
                        }
                        try p.expect(")")
                        return Term(.call("internal.member_3", [inner, parts[0], parts[1]]), at: inner.location)
                    }
                    try p.expect(")")
                    return inner
                }
            }
            if t.isPunct("[") { return try withNewlines(skipping: true) { (p: inout Parser) throws(RegoError) in try p.arrayTerm() } }
            if t.isPunct("{") { return try withNewlines(skipping: true) { (p: inout Parser) throws(RegoError) in try p.braceTerm() } }
            throw RegoError(.parse, "unexpected \(t.text) token", at: t.location)
        case .newline, .eof:
            throw RegoError(.parse, "unexpected \(describe(t)), expected term", at: t.location)
        }
    }

    private mutating func identTerm() throws(RegoError) -> Term {
        let t = advance()
        switch t.text {
        case "true": return Term(.value(.true), at: t.location)
        case "false": return Term(.value(.false), at: t.location)
        case "null": return Term(.value(.null), at: t.location)
        case "_": return Term(.variable(freshWildcard()), at: t.location)
        case "set" where peek().isPunct("(") && !peek().spaceBefore && peekAhead(1).isPunct(")"):
            advance(); advance()
            return Term(.set([]), at: t.location)
        default:
            let reserved = options.v0Compatible ? ["not", "with", "as", "default", "else", "import", "package", "some"]
                : Array(Parser.v1Keywords.subtracting(["contains", "if"]))
            if reserved.contains(t.text) { throw RegoError(.parse, "unexpected \(t.text) keyword", at: t.location) }
            return Term(.variable(t.text), at: t.location)
        }
    }
}
