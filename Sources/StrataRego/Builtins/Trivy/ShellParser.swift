/// A recursive-descent Bash parser that collects simple commands (as their argument words) in tree order.
/// Assignments before a command and redirections are not arguments; declarations (`export`, `local`…),
/// `let`, `[[ ]]` and `(( ))` are not commands, but their substitutions are walked.
struct ShellParser {
    var lexer: ShellLexer
    var token: ShellToken = .eof
    var commands: [[String]] = []

    static let declarations: Set<String> = ["declare", "export", "local", "readonly", "typeset", "nameref", "let"]
    static let separatorOps: Set<String> = [";", "&", ";;", ")", "|", "||", "&&"]

    static func commands(in source: String) throws(ShellSyntaxError) -> [[String]] {
        var parser = ShellParser(lexer: ShellLexer(source))
        try parser.advance()
        try parser.list(until: [], ops: [])
        guard case .eof = parser.token else { throw ShellSyntaxError("unexpected token") }
        return parser.commands
    }

    // MARK: tokens

    mutating func advance() throws(ShellSyntaxError) { token = try lexer.next() }

    func isOp(_ ops: Set<String>) -> Bool {
        if case .op(let o) = token { return ops.contains(o) }
        return false
    }

    func isKeyword(_ words: Set<String>) -> Bool {
        if case .word(let w) = token { return !w.quoted && words.contains(w.text) }
        return false
    }

    var isEOF: Bool { if case .eof = token { true } else { false } }

    var word: ShellWord? { if case .word(let w) = token { w } else { nil } }

    mutating func skipNewlines() throws(ShellSyntaxError) { while isOp(["\n"]) { try advance() } }

    mutating func expect(_ keyword: String) throws(ShellSyntaxError) {
        try skipNewlines()
        guard isKeyword([keyword]) else { throw ShellSyntaxError("expected \(keyword)") }
        try advance()
    }

    mutating func walk(_ w: ShellWord) throws(ShellSyntaxError) {
        for source in w.substitutions { commands += try Self.commands(in: source) }
    }

    // MARK: lists and pipelines

    mutating func list(until keywords: Set<String>, ops: Set<String>) throws(ShellSyntaxError) {
        while true {
            try skipNewlines()
            if isEOF || isKeyword(keywords) || isOp(ops) { return }
            if isOp(Self.separatorOps) { throw ShellSyntaxError("operator can only immediately follow a statement") }
            try andOr()
            if isOp([";", "&"]) { try advance() }
            else if isOp(["\n"]) || isEOF { continue }
            else if isKeyword(keywords) || isOp(ops) { return }
            else { throw ShellSyntaxError("statements must be separated by &, ; or a newline") }
        }
    }

    mutating func andOr() throws(ShellSyntaxError) {
        try pipeline()
        while isOp(["&&", "||"]) {
            try continuation()
            try pipeline()
        }
    }

    mutating func pipeline() throws(ShellSyntaxError) {
        if isKeyword(["!"]) { try advance() }
        try command()
        while isOp(["|", "|&"]) {
            try continuation()
            try command()
        }
    }

    /// After a binary operator: newlines may follow, then a statement must.
    mutating func continuation() throws(ShellSyntaxError) {
        try advance()
        try skipNewlines()
        if isEOF { throw ShellSyntaxError("an operator must be followed by a statement") }
    }
}
