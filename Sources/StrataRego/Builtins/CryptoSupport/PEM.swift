/// One PEM block, decoded as Go's `encoding/pem` does (OPA's key and certificate inputs go through it).
struct PEMBlock: Sendable {
    var type: String
    var bytes: [UInt8]
}

enum PEM {
    static let begin = Array("-----BEGIN ".utf8)
    static let dashes = Array("-----".utf8)

    /// The first well-formed block and what follows it; `nil` and the whole input when there is none.
    static func decode(_ data: ArraySlice<UInt8>) -> (block: PEMBlock?, rest: ArraySlice<UInt8>) {
        var searchFrom = data.startIndex
        // Each failed BEGIN rescans for its END: types without one are remembered and the attempts
        // bounded, so hostile input (many BEGIN lines) stays linear.
        var attempts = 0
        var unterminated: Set<String> = []
        while attempts < 64, let start = find(begin, in: data, from: searchFrom, lineStart: true) {
            attempts += 1
            searchFrom = start + begin.count
            if let found = block(at: start, in: data, unterminated: &unterminated) { return (found.block, data[found.end...]) }
        }
        return (nil, data)
    }

    /// Every block in `text`, stopping at the first stretch that is not one.
    static func blocks(_ text: String) -> [PEMBlock] {
        var rest = ArraySlice(Array(text.utf8))
        var out: [PEMBlock] = []
        while true {
            let (b, r) = decode(rest)
            guard let b else { return out }
            out.append(b)
            rest = r
        }
    }

    static func encode(type: String, bytes: [UInt8]) -> String {
        let body = GoBase64.encode(bytes)
        var lines: [Substring] = []
        var i = body.startIndex
        while i < body.endIndex {
            let j = body.index(i, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            lines.append(body[i..<j])
            i = j
        }
        return "-----BEGIN \(type)-----\n" + lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") + "-----END \(type)-----\n"
    }

    private static func block(at start: Int, in data: ArraySlice<UInt8>, unterminated: inout Set<String>) -> (block: PEMBlock, end: Int)? {
        let typeStart = start + begin.count
        let lineEnd = data[typeStart...].firstIndex(of: 0x0A) ?? data.endIndex
        var typeLine = Array(data[typeStart..<lineEnd])
        if typeLine.last == 0x0D { typeLine.removeLast() }
        guard typeLine.count >= dashes.count, Array(typeLine.suffix(dashes.count)) == dashes else { return nil }
        let type = String(decoding: typeLine.dropLast(dashes.count), as: UTF8.self)
        let bodyStart = lineEnd < data.endIndex ? lineEnd + 1 : lineEnd
        guard !unterminated.contains(type) else { return nil }
        let endMarker = Array("-----END \(type)-----".utf8)
        guard let endAt = find(endMarker, in: data, from: bodyStart, lineStart: true) else {
            unterminated.insert(type)
            return nil
        }
        // Headers ("Proc-Type: ...") come before a blank line; OPA's inputs do not use them, so skip them.
        var body = Array(data[bodyStart..<endAt])
        if body.contains(0x3A), let blank = headerEnd(body) { body = Array(body[blank...]) }
        let cleaned = String(decoding: body.filter { $0 != 0x20 && $0 != 0x09 }, as: UTF8.self)
        guard case .success(let bytes) = GoBase64.decode(cleaned) else { return nil }
        var end = endAt + endMarker.count
        // The rest of the END line (trailing blanks and the newline) belongs to the block.
        while end < data.endIndex, data[end] == 0x20 || data[end] == 0x09 || data[end] == 0x0D { end += 1 }
        if end < data.endIndex, data[end] == 0x0A { end += 1 }
        return (PEMBlock(type: type, bytes: bytes), end)
    }

    private static func headerEnd(_ body: [UInt8]) -> Int? {
        var i = 0
        while i + 1 < body.count {
            if body[i] == 0x0A, body[i + 1] == 0x0A { return i + 2 }
            if body[i] == 0x0A, body[i + 1] == 0x0D, i + 2 < body.count, body[i + 2] == 0x0A { return i + 3 }
            i += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in data: ArraySlice<UInt8>, from: Int, lineStart: Bool) -> Int? {
        guard !needle.isEmpty, data.endIndex - from >= needle.count else { return nil }
        var i = from
        let last = data.endIndex - needle.count
        while i <= last {
            if data[i] == needle[0], !lineStart || i == data.startIndex || data[i - 1] == 0x0A,
               data[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
