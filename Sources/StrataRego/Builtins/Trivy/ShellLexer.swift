/// A shell syntax error; `sh.parse_commands` reports it as a builtin error.
struct ShellSyntaxError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// One word as written (line continuations removed), with the sources of its `$(…)`/`` `…` `` substitutions.
struct ShellWord {
    var text: String
    var substitutions: [String]
    /// Quoted, escaped or expanded somewhere: never a reserved word.
    var quoted: Bool
}

enum ShellToken {
    case word(ShellWord)
    case op(String)
    /// A file-descriptor number before a redirection (`2>`).
    case io
    case eof
}

/// Splits Bash source into words and operators.
struct ShellLexer {
    let s: [Character]
    var i = 0
    /// Here-document delimiters (and whether tabs are stripped) to skip after the next newline.
    var pendingHeredocs: [(delimiter: String, stripTabs: Bool)] = []

    static let operators = ["&&", "||", ";;&", ";;", ";&", "|&", "&>>", "&>", ">>", "<<<", "<<-", "<<",
                            ">&", "<&", "<>", ">|", ";", "&", "|", "<", ">", "(", ")", "\n"].map { Array($0) }
    static let redirections: Set<String> = ["&>>", "&>", ">>", "<<<", "<<-", "<<", ">&", "<&", "<>", ">|", "<", ">"]
    static let metacharacters: Set<Character> = [" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]

    init(_ source: String) { s = Array(source) }

    func peek(_ k: Int = 0) -> Character? { i + k < s.count ? s[i + k] : nil }

    func text(_ from: Int, _ to: Int) -> String { String(s[from..<to]) }

    mutating func skipBlanks() {
        while let c = peek() {
            if c == " " || c == "\t" { i += 1 }
            else if c == "\\", peek(1) == "\n" { i += 2 }
            else if c == "#" { while let d = peek(), d != "\n" { i += 1 } }
            else { return }
        }
    }

    mutating func next() throws(ShellSyntaxError) -> ShellToken {
        skipBlanks()
        guard let c = peek() else { return .eof }
        if c == "\n" {
            i += 1
            skipHeredocs()
            return .op("\n")
        }
        for op in Self.operators where s[i...].starts(with: op) {
            i += op.count
            return .op(String(op))
        }
        var j = i
        while j < s.count, s[j].isASCIIDigitChar { j += 1 }
        if j > i, j < s.count, s[j] == "<" || s[j] == ">" {
            i = j
            return .io
        }
        return .word(try word())
    }

    mutating func word() throws(ShellSyntaxError) -> ShellWord {
        var out = "", substitutions: [String] = [], quoted = false
        while let c = peek(), !Self.metacharacters.contains(c) {
            switch c {
            case "\\":
                if peek(1) == "\n" { i += 2; continue }
                out += text(i, min(i + 2, s.count))
                i = min(i + 2, s.count)
            case "'":
                guard let end = s[(i + 1)...].firstIndex(of: "'") else { throw ShellSyntaxError("reached EOF without closing quote '") }
                out += text(i, end + 1)
                i = end + 1
            case "\"": out += try doubleQuoted(&substitutions)
            case "`": out += try backquoted(&substitutions)
            case "$": out += try dollar(&substitutions)
            default:
                out.append(c)
                i += 1
                continue
            }
            quoted = true
        }
        return ShellWord(text: out, substitutions: substitutions, quoted: quoted)
    }

    mutating func doubleQuoted(_ substitutions: inout [String]) throws(ShellSyntaxError) -> String {
        var out = "\""
        i += 1
        while true {
            guard let c = peek() else { throw ShellSyntaxError("reached EOF without closing quote \"") }
            switch c {
            case "\"":
                i += 1
                return out + "\""
            case "\\":
                if peek(1) == "\n" { i += 2; continue }
                out += text(i, min(i + 2, s.count))
                i = min(i + 2, s.count)
            case "$": out += try dollar(&substitutions)
            case "`": out += try backquoted(&substitutions)
            default:
                out.append(c)
                i += 1
            }
        }
    }

    mutating func backquoted(_ substitutions: inout [String]) throws(ShellSyntaxError) -> String {
        var j = i + 1
        while j < s.count, s[j] != "`" { j += s[j] == "\\" ? 2 : 1 }
        guard j < s.count else { throw ShellSyntaxError("reached EOF without closing quote `") }
        substitutions.append(text(i + 1, j))
        defer { i = j + 1 }
        return text(i, j + 1)
    }

    mutating func dollar(_ substitutions: inout [String]) throws(ShellSyntaxError) -> String {
        let start = i
        if peek(1) == "(", peek(2) == "(" {
            i = try arithmeticEnd(i + 3)
        } else if peek(1) == "(" {
            let end = try closingParen(i + 2)
            substitutions.append(text(i + 2, end - 1))
            i = end
        } else if peek(1) == "{" {
            i = try closingBrace(i + 2)
        } else if peek(1) == "'" {
            var j = i + 2
            while j < s.count, s[j] != "'" { j += s[j] == "\\" ? 2 : 1 }
            guard j < s.count else { throw ShellSyntaxError("reached EOF without closing quote '") }
            i = j + 1
        } else {
            i += 1
            if let c = peek(), c == "_" || c.isLetter {
                while let d = peek(), d == "_" || d.isLetter || d.isASCIIDigitChar { i += 1 }
            } else if let c = peek(), c.isASCIIDigitChar || "@*#?$!-".contains(c) {
                i += 1
            }
        }
        return text(start, i)
    }

    /// Index just past the `))` that closes an arithmetic body starting at `j`.
    func arithmeticEnd(_ start: Int) throws(ShellSyntaxError) -> Int {
        var depth = 0, j = start
        while j < s.count {
            if depth == 0, s[j] == ")", j + 1 < s.count, s[j + 1] == ")" { return j + 2 }
            if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1 }
            j += 1
        }
        throw ShellSyntaxError("reached EOF without matching (( with ))")
    }

    func closingBrace(_ start: Int) throws(ShellSyntaxError) -> Int {
        var depth = 0, j = start
        while j < s.count {
            switch s[j] {
            case "\\": j += 1
            case "{": depth += 1
            case "}":
                if depth == 0 { return j + 1 }
                depth -= 1
            default: break
            }
            j += 1
        }
        throw ShellSyntaxError("reached EOF without matching ${ with }")
    }

    /// Index just past the `)` closing a `$(` opened before `start`, aware of quotes and nesting.
    func closingParen(_ start: Int) throws(ShellSyntaxError) -> Int {
        var depth = 0, j = start
        while j < s.count {
            switch s[j] {
            case "\\": j += 1
            case "'":
                guard let k = s[(j + 1)...].firstIndex(of: "'") else { j = s.count; continue }
                j = k
            case "\"":
                var k = j + 1
                while k < s.count, s[k] != "\"" { k += s[k] == "\\" ? 2 : 1 }
                j = k
            case "(": depth += 1
            case ")":
                if depth == 0 { return j + 1 }
                depth -= 1
            default: break
            }
            j += 1
        }
        throw ShellSyntaxError("reached EOF without matching ( with )")
    }

    mutating func queueHeredoc(_ delimiter: ShellWord, stripTabs: Bool) {
        let d = delimiter.text.filter { $0 != "'" && $0 != "\"" && $0 != "\\" }
        pendingHeredocs.append((d, stripTabs))
    }

    mutating func skipHeredocs() {
        while !pendingHeredocs.isEmpty {
            let (delimiter, stripTabs) = pendingHeredocs.removeFirst()
            while i < s.count {
                let end = s[i...].firstIndex(of: "\n") ?? s.count
                var line = s[i..<end]
                i = min(end + 1, s.count)
                if stripTabs { while line.first == "\t" { line.removeFirst() } }
                if String(line) == delimiter { break }
            }
        }
    }
}
