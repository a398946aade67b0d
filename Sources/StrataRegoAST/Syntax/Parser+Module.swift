extension Parser {
    static let v1Keywords: Set<String> = ["if", "contains", "in", "every", "some", "not", "with", "as", "default",
                                          "else", "import", "package", "true", "false", "null"]

    mutating func module() throws(RegoError) -> Module {
        skipNewlines()
        let packageToken = peek()
        guard packageToken.isIdent("package") else { throw error("package expected") }
        advance()
        let path = try dottedPath(allowBrackets: true)
        var imports: [Import] = []
        var rules: [Rule] = []
        let blocks = annotationBlocks()
        while true {
            skipStatementSeparators()
            let t = peek()
            if t.kind == .eof { break }
            if t.isIdent("import") {
                let decl = try importDecl()
                if decl.path == ["rego", "v1"] {
                    if imports.contains(where: { $0.path == ["rego", "v1"] }) {
                        throw RegoError(.parse, "duplicate import of rego.v1", at: decl.location)
                    }
                    options.v0Compatible = false
                }
                // rego.v2 (newer OPA) brings future.keywords.not along with `and`/`or`, which Strata does not parse yet.
                if [["future", "keywords", "not"], ["future", "keywords"], ["rego", "v2"]].contains(decl.path) { wholeNegation = true }
                imports.append(decl)
                continue
            }
            if t.isIdent("package") { throw error("unexpected package keyword") }
            var parsed = try rule()
            let attached = blocks.filter { $0.endRow + 1 == parsed.location.row }.map(\.annotation)
            parsed.annotations = attached
            rules.append(parsed)
            rules += pendingRules
            pendingRules = []
        }
        let moduleAnnotations = blocks.filter { $0.endRow + 1 == packageToken.location.row }.map(\.annotation)
        var module = Module(file: file, package: path, packageLocation: packageToken.location, imports: imports,
                            rules: rules, annotations: moduleAnnotations, comments: comments)
        module.isV1 = !options.v0Compatible
        return module
    }

    mutating func skipStatementSeparators() {
        while tokens[index].kind == .newline || tokens[index].isPunct(";") { index += 1 }
    }

    /// `a.b.c` or `a["b"].c` as a list of names.
    mutating func dottedPath(allowBrackets: Bool) throws(RegoError) -> [String] {
        let first = advance()
        guard first.kind == .ident else { throw RegoError(.parse, "expected name but found \(describe(first))", at: first.location) }
        var path = [first.text]
        while true {
            let t = peek()
            if t.isPunct("."), !t.spaceBefore {
                advance()
                let name = advance()
                guard name.kind == .ident else { throw RegoError(.parse, "expected name after '.'", at: name.location) }
                path.append(name.text)
            } else if allowBrackets, t.isPunct("["), !t.spaceBefore {
                advance()
                let key = advance()
                guard key.kind == .string else { throw RegoError(.parse, "expected string key", at: key.location) }
                path.append(key.text)
                try expect("]")
            } else {
                return path
            }
        }
    }

    mutating func importDecl() throws(RegoError) -> Import {
        let loc = advance().location
        let path = try dottedPath(allowBrackets: true)
        guard let root = path.first, ["data", "input", "future", "rego"].contains(root) else {
            throw RegoError(.parse, "invalid import path, must begin with input or data", at: loc)
        }
        var alias: String?
        if peek().isIdent("as") {
            advance()
            let name = advance()
            guard name.kind == .ident else { throw RegoError(.parse, "expected alias name", at: name.location) }
            alias = name.text
        }
        try endOfStatement()
        return Import(path: path, alias: alias, at: loc)
    }

    mutating func endOfStatement() throws(RegoError) {
        let t = tokens[index]
        guard t.kind == .newline || t.kind == .eof || t.isPunct(";") else {
            throw RegoError(.parse, "unexpected \(describe(t))", at: t.location)
        }
    }

    struct AnnotationBlock {
        var annotation: Annotation
        var endRow: Int
    }

    /// Groups consecutive comment lines that start with `# METADATA` into annotation blocks.
    func annotationBlocks() -> [AnnotationBlock] {
        var blocks: [AnnotationBlock] = []
        var i = 0
        while i < comments.count {
            let c = comments[i]
            guard c.text.trimmingSpaces() == "METADATA" else { i += 1; continue }
            var lines: [String] = []
            var row = c.location.row
            var j = i + 1
            while j < comments.count, comments[j].location.row == row + 1, comments[j].location.col == c.location.col {
                var line = comments[j].text
                if line.hasPrefix(" ") { line.removeFirst() }
                lines.append(line)
                row += 1
                j += 1
            }
            blocks.append(AnnotationBlock(annotation: Annotation(yaml: lines.joined(separator: "\n"), at: c.location), endRow: row))
            i = j
        }
        return blocks
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
        return String(s)
    }
}
