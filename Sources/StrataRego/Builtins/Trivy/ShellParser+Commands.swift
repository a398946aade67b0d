/// Commands: simple commands, compound commands and redirections.
extension ShellParser {
    mutating func command() throws(ShellSyntaxError) {
        if isOp(["("]) {
            if lexer.peek() == "(" {  // `((…))`: arithmetic, no commands inside
                lexer.i = try lexer.arithmeticEnd(lexer.i + 1)
                try advance()
            } else {
                try advance()
                try list(until: [], ops: [")"])
                guard isOp([")"]) else { throw ShellSyntaxError("reached EOF without matching ( with )") }
                try advance()
            }
            return try redirections()
        }
        if let w = word, !w.quoted {
            switch w.text {
            case "if": return try ifClause()
            case "while", "until":
                try advance()
                try list(until: ["do"], ops: [])
                return try doGroup()
            case "for", "select": return try forClause()
            case "case": return try caseClause()
            case "{":
                try advance()
                try list(until: ["}"], ops: [])
                try expect("}")
                return try redirections()
            case "function": return try function()
            case "[[": return try testClause()
            case "time", "coproc":
                try advance()
                return try command()
            default: break
            }
        }
        try simpleCommand()
    }

    /// Reads one redirection if there is one; returns its target word (nil for here-documents).
    mutating func redirection() throws(ShellSyntaxError) -> ShellWord?? {
        var sawNumber = false
        if case .io = token { try advance(); sawNumber = true }
        guard case .op(let op) = token, ShellLexer.redirections.contains(op) else {
            if sawNumber { throw ShellSyntaxError("expected a redirection operator") }
            return .none
        }
        try advance()
        guard let target = word else { throw ShellSyntaxError("\(op) must be followed by a word") }
        try advance()
        if op == "<<" || op == "<<-" {
            lexer.queueHeredoc(target, stripTabs: op == "<<-")
            return .some(nil)
        }
        return .some(target)
    }

    mutating func redirections() throws(ShellSyntaxError) {
        while let target = try redirection() {
            if let target { try walk(target) }
        }
    }

    mutating func simpleCommand() throws(ShellSyntaxError) {
        var assignments: [ShellWord] = [], args: [ShellWord] = [], targets: [ShellWord] = []
        var sawRedirection = false
        while true {
            if let target = try redirection() {
                sawRedirection = true
                if let target { targets.append(target) }
            } else if let w = word {
                if args.isEmpty, Self.isAssignment(w.text) { assignments.append(w) } else { args.append(w) }
                try advance()
                if args.count == 1, assignments.isEmpty, isOp(["("]) { return try functionBody() }
            } else {
                break
            }
        }
        if assignments.isEmpty, args.isEmpty, !sawRedirection { throw ShellSyntaxError("unexpected token") }
        if let first = args.first, !first.quoted, Self.declarations.contains(first.text) {
            for w in args + targets { try walk(w) }
            return
        }
        if !args.isEmpty { commands.append(args.map(\.text)) }
        for w in assignments + args + targets { try walk(w) }
    }

    /// `NAME=`, `NAME+=` or `NAME[i]=` at the start of a word.
    static func isAssignment(_ text: String) -> Bool {
        var rest = Substring(text)
        guard let first = rest.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        while let c = rest.first, c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) { rest.removeFirst() }
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return false }
            rest = rest[rest.index(after: close)...]
        }
        if rest.hasPrefix("+=") { return true }
        return rest.hasPrefix("=")
    }
}
