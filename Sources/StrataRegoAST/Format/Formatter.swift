/// `rego fmt`: prints a module in canonical Rego v1 style (tabs, `if`/`contains`, one expression per line).
/// Comments are kept and placed before the rule or expression that follows them. Idempotent.
public struct Formatter {
    var comments: [Comment]
    var out: [String] = []

    /// Parses and formats Rego source.
    public static func format(_ source: String, file: String = "", options: ParserOptions = ParserOptions()) throws(RegoError) -> String {
        format(try Parser.parseModule(source, file: file, options: options))
    }

    public static func format(_ module: Module) -> String {
        var f = Formatter(comments: module.comments.sorted { $0.location.row < $1.location.row })
        return f.render(module)
    }

    mutating func render(_ m: Module) -> String {
        flushComments(before: m.packageLocation.row, indent: "")
        out.append("package " + Formatter.path(m.package))
        if !m.imports.isEmpty { out.append("") }
        for imp in m.imports {
            flushComments(before: imp.location.row, indent: "")
            out.append("import " + Formatter.path(imp.path) + (imp.alias.map { " as " + $0 } ?? ""))
        }
        for rule in m.rules {
            out.append("")
            flushComments(before: rule.location.row, indent: "")
            rule.render(into: &self)
        }
        flushComments(before: Int.max, indent: "")
        return out.joined(separator: "\n") + "\n"
    }

    mutating func flushComments(before row: Int, indent: String) {
        while let c = comments.first, c.location.row < row {
            out.append(indent + "#" + c.text)
            comments.removeFirst()
        }
    }

    static func path(_ parts: [String]) -> String {
        var text = parts.first ?? ""
        for p in parts.dropFirst() { text += isIdentifier(p) || Parser.v1Keywords.contains(p) ? "." + p : "[" + Value.quoted(p) + "]" }
        return text
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            && !Parser.v1Keywords.contains(s)
    }

    /// A body as `{ … }` lines.
    mutating func body(_ exprs: [Expr], indent: String) {
        for e in exprs {
            flushComments(before: e.location.row, indent: indent + "\t")
            let text = Formatter.expr(e, indent: indent + "\t")
            out.append(indent + "\t" + text)
        }
        out.append(indent + "}")
    }
}

extension Rule {
    func render(into f: inout Formatter) {
        var head = isDefault ? "default " : ""
        head += Formatter.ruleRef(ref)
        if kind == .function { head += "(" + args.map { Formatter.term($0) }.joined(separator: ", ") + ")" }
        if kind == .multiValue, let key { head += " contains " + Formatter.term(key) }
        let trivialTrue = value.kind == .value(.true) || kind == .multiValue
        if !trivialTrue || isDefault { head += " := " + Formatter.term(value) }
        if isDefault { f.out.append(head); return }
        let alwaysTrue = body.count == 1 && body[0].kind == .term(Term(.value(.true), at: body[0].location)) && body[0].with.isEmpty && !body[0].negated
        if alwaysTrue, elseChain.isEmpty {
            f.out.append(head == Formatter.ruleRef(ref) ? head + " := true" : head)
            return
        }
        f.out.append(head + " if {")
        f.body(body, indent: "")
        for clause in elseChain {
            let value = clause.value.kind == .value(.true) ? "" : " := " + Formatter.term(clause.value)
            f.out[f.out.count - 1] += " else" + value + " if {"
            f.body(clause.body, indent: "")
        }
    }
}
