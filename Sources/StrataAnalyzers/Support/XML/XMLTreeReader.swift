import Foundation
import StrataCore

/// A small, non-validating XML reader for package manifests (pom.xml): elements, text, the five
/// predefined entities and character references, comments, CDATA, processing instructions. A
/// DOCTYPE is skipped, so no entity is ever declared or expanded (no billion-laughs); nesting
/// deeper than `maxDepth` and malformed markup are errors with the line.
struct XMLTreeReader {
    let bytes: [UInt8]
    let maxDepth: Int
    private var at = 0
    private var line = 1

    init(_ bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    static func parse(_ bytes: [UInt8], maxDepth: Int = 128) throws(StrataError) -> XMLElement {
        var reader = XMLTreeReader(bytes, maxDepth: maxDepth)
        return try reader.document()
    }

    private func error(_ reason: String, _ code: StrataError.Code = .parseError) -> StrataError {
        StrataError(code, reason, at: SourceLocation(path: "", startLine: line))
    }

    private mutating func document() throws(StrataError) -> XMLElement {
        var stack: [XMLElement] = []
        var root: XMLElement?
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        while at < bytes.count {
            if bytes[at] != UInt8(ascii: "<") {
                let text = try readText()
                if !stack.isEmpty { stack[stack.count - 1].text += text } else if !text.allSatisfy(\.isWhitespace) {
                    throw error("text outside the root element")
                }
                continue
            }
            if starts("<!--") { try skip(past: "-->", what: "comment"); continue }
            if starts("<![CDATA[") {
                let start = at + 9
                try skip(past: "]]>", what: "CDATA section")
                if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: bytes[start..<(at - 3)], as: UTF8.self) }
                continue
            }
            if starts("<?") { try skip(past: "?>", what: "processing instruction"); continue }
            if starts("<!") { try skipDeclaration(); continue }
            if starts("</") {
                at += 2
                let name = readName()
                try skip(past: ">", what: "end tag")
                guard var closed = stack.popLast() else { throw error("end tag </\(name)> without a start tag") }
                guard local(name) == closed.name else { throw error("end tag </\(name)> does not close <\(closed.name)>") }
                closed.text = closed.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if stack.isEmpty { root = root ?? closed } else { stack[stack.count - 1].children.append(closed) }
                continue
            }
            at += 1
            let startLine = line
            let name = readName()
            guard !name.isEmpty else { throw error("'<' not followed by a name") }
            let selfClosing = try skipAttributes()
            let element = XMLElement(name: local(name), line: startLine)
            if selfClosing {
                if stack.isEmpty { root = root ?? element } else { stack[stack.count - 1].children.append(element) }
            } else {
                guard stack.count < maxDepth else { throw error("elements nested deeper than \(maxDepth)", .depthLimit) }
                stack.append(element)
            }
        }
        guard stack.isEmpty else { throw error("<\(stack.last!.name)> is not closed") }
        guard let root else { throw error("no root element") }
        return root
    }

    private func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    private func starts(_ s: String) -> Bool { bytes[at...].starts(with: s.utf8) }

    private mutating func advance() {
        if bytes[at] == 0x0A { line += 1 }
        at += 1
    }

    private mutating func skip(past end: String, what: String) throws(StrataError) {
        let terminator = Array(end.utf8)
        let startLine = line
        while at < bytes.count {
            if bytes[at] == terminator[0], bytes[at...].starts(with: terminator) { at += terminator.count; return }
            advance()
        }
        throw StrataError(.parseError, "\(what) is not closed", at: SourceLocation(path: "", startLine: startLine))
    }

    /// `<!DOCTYPE …>` with an optional internal subset in brackets.
    private mutating func skipDeclaration() throws(StrataError) {
        var depth = 0
        let startLine = line
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: at += 1; return
            default: break
            }
            advance()
        }
        throw StrataError(.parseError, "declaration is not closed", at: SourceLocation(path: "", startLine: startLine))
    }

    private mutating func readName() -> String {
        let start = at
        while at < bytes.count, !Self.nameEnd.contains(bytes[at]) { at += 1 }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    private static let nameEnd: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<")]

    /// Skips attributes (quoted values may hold `>`); true for `/>`.
    private mutating func skipAttributes() throws(StrataError) -> Bool {
        let startLine = line
        var quote: UInt8?
        while at < bytes.count {
            let b = bytes[at]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                at += 1
                return at >= 2 && bytes[at - 2] == UInt8(ascii: "/")
            } else if b == UInt8(ascii: "<") {
                break
            }
            advance()
        }
        throw StrataError(.parseError, "start tag is not closed", at: SourceLocation(path: "", startLine: startLine))
    }

    private static let entities: [String: String] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]

    /// Text up to the next `<`, with references replaced; unknown entities are kept as written.
    private mutating func readText() throws(StrataError) -> String {
        var out = [UInt8]()
        while at < bytes.count, bytes[at] != UInt8(ascii: "<") {
            if bytes[at] == UInt8(ascii: "&"), let semi = bytes[at..<min(bytes.count, at + 12)].firstIndex(of: UInt8(ascii: ";")) {
                let name = String(decoding: bytes[(at + 1)..<semi], as: UTF8.self)
                if let replacement = Self.entities[name] ?? Self.characterReference(name) {
                    out += Array(replacement.utf8)
                    at = semi + 1
                    continue
                }
            }
            out.append(bytes[at])
            advance()
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func characterReference(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
