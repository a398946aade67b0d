/// A paragraph of `Key: value` fields (dpkg status, apk installed), with the line of each field.
struct Stanza {
    struct Field {
        let key: String
        var value: String
        let line: Int
    }

    var fields: [Field] = []
    var startLine: Int { fields.first?.line ?? 0 }

    subscript(key: String) -> String? { fields.first { $0.key == key }?.value }

    func line(of key: String) -> Int? { fields.first { $0.key == key }?.line }
}

/// Splits text into blank-line-separated stanzas. `separator` divides key from value (`:` for
/// dpkg's `Key: value`, and apk's `P:value`); lines starting with a space or tab continue the
/// previous field (dpkg). Lines with no separator are reported through `malformed`.
enum StanzaReader {
    static func read(_ source: SourceText, malformed: (Int, Substring) -> Void) -> [Stanza] {
        var stanzas: [Stanza] = []
        var current = Stanza()
        for line in source.lines {
            let text = line.text
            if text.trimmed.isEmpty {
                if !current.fields.isEmpty { stanzas.append(current) }
                current = Stanza()
            } else if text.first == " " || text.first == "\t" {
                guard !current.fields.isEmpty else { malformed(line.number, text); continue }
                current.fields[current.fields.count - 1].value += "\n" + text.trimmed
            } else if let colon = text.firstIndex(of: ":") {
                let key = String(text[..<colon])
                let value = String(text[text.index(after: colon)...].trimmed)
                current.fields.append(Stanza.Field(key: key, value: value, line: line.number))
            } else {
                malformed(line.number, text)
            }
        }
        if !current.fields.isEmpty { stanzas.append(current) }
        return stanzas
    }
}
