/// Compound commands: `if`, loops, `case`, functions, `[[ ]]`.
extension ShellParser {
    mutating func ifClause() throws(ShellSyntaxError) {
        try advance()
        try list(until: ["then"], ops: [])
        try expect("then")
        try list(until: ["elif", "else", "fi"], ops: [])
        while isKeyword(["elif"]) {
            try advance()
            try list(until: ["then"], ops: [])
            try expect("then")
            try list(until: ["elif", "else", "fi"], ops: [])
        }
        if isKeyword(["else"]) {
            try advance()
            try list(until: ["fi"], ops: [])
        }
        try expect("fi")
        try redirections()
    }

    mutating func doGroup() throws(ShellSyntaxError) {
        try expect("do")
        try list(until: ["done"], ops: [])
        try expect("done")
        try redirections()
    }

    mutating func forClause() throws(ShellSyntaxError) {
        try advance()
        guard word != nil else { throw ShellSyntaxError("for must be followed by a literal") }
        try advance()
        try skipNewlines()
        var items: [ShellWord] = []
        if isKeyword(["in"]) {
            try advance()
            while let w = word { items.append(w); try advance() }
        }
        if isOp([";"]) { try advance() }
        for w in items { try walk(w) }
        try doGroup()
    }

    mutating func caseClause() throws(ShellSyntaxError) {
        try advance()
        guard let subject = word else { throw ShellSyntaxError("case must be followed by a word") }
        try walk(subject)
        try advance()
        try expect("in")
        while true {
            try skipNewlines()
            if isKeyword(["esac"]) { try advance(); break }
            if isOp(["("]) { try advance() }
            while true {
                guard let pattern = word else { throw ShellSyntaxError("case patterns must be words") }
                try walk(pattern)
                try advance()
                guard isOp(["|"]) else { break }
                try advance()
            }
            guard isOp([")"]) else { throw ShellSyntaxError("case patterns must be followed by )") }
            try advance()
            try list(until: ["esac"], ops: [";;", ";&", ";;&"])
            if isOp([";;", ";&", ";;&"]) { try advance() }
        }
        try redirections()
    }

    mutating func function() throws(ShellSyntaxError) {
        try advance()
        guard word != nil else { throw ShellSyntaxError("function must be followed by a name") }
        try advance()
        if isOp(["("]) { return try functionBody() }
        try skipNewlines()
        try command()
    }

    /// After `name`: `()` then the body.
    mutating func functionBody() throws(ShellSyntaxError) {
        try advance()
        guard isOp([")"]) else { throw ShellSyntaxError("functions must start like foo()") }
        try advance()
        try skipNewlines()
        try command()
    }

    mutating func testClause() throws(ShellSyntaxError) {
        try advance()
        while !isKeyword(["]]"]) {
            if isEOF { throw ShellSyntaxError("reached EOF without matching [[ with ]]") }
            if let w = word { try walk(w) }
            try advance()
        }
        try advance()
        try redirections()
    }
}
