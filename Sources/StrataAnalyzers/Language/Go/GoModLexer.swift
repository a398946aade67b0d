import StrataCore

/// Splits go.mod into directive entries: `verb args… // comment`, with `verb ( … )` blocks
/// expanded into one entry per inner line. Quoted (`"…"`, `` `…` ``) arguments are unquoted.
enum GoModLexer {
    struct Entry {
        var verb: String
        var args: [String]
        var comment: Substring
        var line: Int
    }

    static func entries(_ source: SourceText, path: String, into inventory: inout Inventory) -> [Entry] {
        var out: [Entry] = []
        var block: (verb: String, line: Int)?
        for line in source.lines {
            let (code, comment) = splitComment(line.text)
            let words = tokens(code)
            guard let first = words.first else { continue }
            if let open = block {
                if first == ")" { block = nil; continue }
                out.append(Entry(verb: open.verb, args: words, comment: comment, line: line.number))
            } else if words.count == 2, words[1] == "(" {
                block = (first, line.number)
            } else if words == [first, "()"] || (words.count == 3 && words[1] == "(" && words[2] == ")") {
                continue
            } else {
                out.append(Entry(verb: first, args: Array(words.dropFirst()), comment: comment, line: line.number))
            }
        }
        if let open = block {
            inventory.warn(path, line: open.line, "\(open.verb) block is not closed")
        }
        return out
    }

    /// `//` outside quotes starts the comment.
    static func splitComment(_ text: Substring) -> (Substring, Substring) {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "`" {
                quote = c
            } else if c == "/", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "/" {
                return (text[..<index], text[text.index(index, offsetBy: 2)...].trimmed)
            }
            index = text.index(after: index)
        }
        return (text, "")
    }

    static func tokens(_ code: Substring) -> [String] {
        code.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word in
            var w = String(word)
            if w.count >= 2, let f = w.first, f == "\"" || f == "`", w.last == f {
                w = String(w.dropFirst().dropLast())
            }
            return w
        }
    }
}
