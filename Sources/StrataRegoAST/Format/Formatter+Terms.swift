extension Formatter {
    static let infix: [String: (String, Int)] = [
        "or": ("|", 1), "and": ("&", 2), "plus": ("+", 3), "minus": ("-", 3), "mul": ("*", 4), "div": ("/", 4), "rem": ("%", 4),
        "equal": ("==", 0), "neq": ("!=", 0), "lt": ("<", 0), "lte": ("<=", 0), "gt": (">", 0), "gte": (">=", 0),
    ]

    static func ruleRef(_ ref: [Term]) -> String {
        var text = ref.first?.constantValue?.stringValue ?? ""
        for t in ref.dropFirst() {
            if case .value(.string(let s)) = t.kind, isIdentifier(s) { text += "." + s } else { text += "[" + term(t) + "]" }
        }
        return text
    }

    static func expr(_ e: Expr, indent: String) -> String {
        var text: String
        switch e.kind {
        case .term(let t) where e.isNotBlock:
            guard case .arrayComprehension(_, let body) = t.kind else { fallthrough }
            text = "{\n" + body.map { indent + "\t" + expr($0, indent: indent + "\t") }.joined(separator: "\n") + "\n" + indent + "}"
        case .term(let t): text = term(t, indent: indent)
        case .unify(let a, let b): text = term(a, indent: indent) + " = " + term(b, indent: indent)
        case .assign(let a, let b): text = term(a, indent: indent) + " := " + term(b, indent: indent)
        case .someDecl(let names): text = "some " + names.map(varName).joined(separator: ", ")
        case .someIn(let k, let v, let c):
            text = "some " + (k.map { term($0) + ", " } ?? "") + term(v) + " in " + term(c, indent: indent)
        case .every(let k, let v, let d, let body):
            text = "every " + (k.map { term($0) + ", " } ?? "") + term(v) + " in " + term(d, indent: indent) + " {\n"
            text += body.map { indent + "\t" + expr($0, indent: indent + "\t") }.joined(separator: "\n") + "\n" + indent + "}"
        }
        if e.negated { text = "not " + text }
        for w in e.with { text += " with " + term(w.target) + " as " + term(w.value, indent: indent) }
        return text
    }

    static func varName(_ v: String) -> String { v.hasPrefix("$_") ? "_" : v }

    static func term(_ t: Term, indent: String = "", precedence: Int = -1) -> String {
        switch t.kind {
        case .value(let v): return v.regoString
        case .variable(let v): return varName(v)
        case .ref(let parts):
            var text = term(parts[0], indent: indent, precedence: 10)
            for p in parts.dropFirst() {
                if case .value(.string(let s)) = p.kind, isIdentifier(s) { text += "." + s } else { text += "[" + term(p, indent: indent) + "]" }
            }
            return text
        case .array(let items): return "[" + items.map { term($0, indent: indent) }.joined(separator: ", ") + "]"
        case .set(let items): return items.isEmpty ? "set()" : "{" + items.map { term($0, indent: indent) }.joined(separator: ", ") + "}"
        case .object(let pairs):
            return "{" + pairs.map { term($0.key, indent: indent) + ": " + term($0.value, indent: indent) }.joined(separator: ", ") + "}"
        case .arrayComprehension(let h, let body): return "[" + term(h, indent: indent, precedence: 2) + " | " + inline(body, indent) + "]"
        case .setComprehension(let h, let body): return "{" + term(h, indent: indent, precedence: 2) + " | " + inline(body, indent) + "}"
        case .objectComprehension(let k, let v, let body):
            return "{" + term(k, indent: indent, precedence: 2) + ": " + term(v, indent: indent, precedence: 2) + " | " + inline(body, indent) + "}"
        case .call(let name, let args): return call(name, args, indent: indent, precedence: precedence)
        }
    }

    static func inline(_ body: [Expr], _ indent: String) -> String {
        body.map { expr($0, indent: indent) }.joined(separator: "; ")
    }

    static func call(_ name: String, _ args: [Term], indent: String, precedence: Int) -> String {
        if name == "internal.member_2", args.count == 2 {
            return wrap(term(args[0], indent: indent, precedence: 0) + " in " + term(args[1], indent: indent, precedence: 0), -1, precedence)
        }
        if name == "internal.member_3", args.count == 3 {
            return "(" + term(args[0], indent: indent, precedence: 0) + ", " + term(args[1], indent: indent, precedence: 0) + " in " + term(args[2], indent: indent, precedence: 0) + ")"
        }
        if let (op, level) = infix[name], args.count == 2 {
            let text = term(args[0], indent: indent, precedence: level) + " " + op + " " + term(args[1], indent: indent, precedence: level + 1)
            return wrap(text, level, precedence)
        }
        return name + "(" + args.map { term($0, indent: indent) }.joined(separator: ", ") + ")"
    }

    static func wrap(_ text: String, _ level: Int, _ context: Int) -> String {
        level < context ? "(" + text + ")" : text
    }
}
