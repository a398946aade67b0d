import StrataCore

/// A file's bytes as lines, 1-based, with `\r\n` and a leading BOM handled. Invalid UTF-8 is
/// replaced (U+FFFD) and reported once with the first bad line, so parsing can go on.
struct SourceText {
    struct Line {
        let number: Int
        let text: Substring
    }

    let path: String
    let text: String
    let lines: [Line]

    /// `nil` (with a diagnostic) when the input is over the size limit.
    static func decode(_ bytes: [UInt8], path: String, limits: ParseLimits, into inventory: inout Inventory) -> SourceText? {
        guard bytes.count <= limits.maxBytes else {
            inventory.fail(path, line: nil, "file is \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit", code: .fileTooLarge)
            return nil
        }
        if let bad = firstInvalidUTF8Line(bytes) {
            inventory.warn(path, line: bad, "invalid UTF-8; bad bytes replaced by U+FFFD")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return SourceText(path: path, text: text, lines: split(text))
    }

    private static func split(_ text: String) -> [Line] {
        var out: [Line] = []
        var number = 0
        // Split on the scalar: as a Character, "\r\n" is one grapheme and never equals "\n".
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let raw = Substring(scalars)
            number += 1
            out.append(Line(number: number, text: raw.hasSuffix("\r") ? raw.dropLast() : raw))
        }
        if let last = out.last, last.text.isEmpty { out.removeLast() }
        return out
    }

    /// The 1-based line holding the first byte sequence that is not valid UTF-8.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(path: path, startLine: line) }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmed: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

extension String {
    var trimmed: String { String(Substring(self).trimmed) }
}
