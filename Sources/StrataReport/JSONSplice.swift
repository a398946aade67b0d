/// Splices separately encoded chunks of a top-level array into a pretty-printed JSON document
/// whose copy of that array was encoded empty. JSONEncoder's pretty printing is purely
/// structural (two spaces per level; string contents never hold a raw newline), so a chunk
/// encoded on its own is the same text one level further out.
enum JSONSplice {
    enum Error: Swift.Error, Equatable {
        /// The skeleton has no empty top-level array under this key.
        case markerMissing(String)
    }

    /// `fills`: for each top-level key, its elements in order, as `elements(ofArray:)` gives
    /// them for each chunk.
    static func fill(_ fills: [(key: String, chunks: [[UInt8]])], in skeleton: [UInt8]) throws(Error) -> [UInt8] {
        let empty = Array("[\n\n  ]".utf8)
        var places: [(at: Int, chunks: [[UInt8]])] = []
        for (key, chunks) in fills where !chunks.isEmpty {
            let head = Array("\n  \"\(key)\" : ".utf8)
            guard let at = find(head + empty, in: skeleton) else { throw .markerMissing(key) }
            places.append((at + head.count, chunks))
        }
        places.sort { $0.at < $1.at }
        var out: [UInt8] = []
        out.reserveCapacity(skeleton.count + places.reduce(0) { $0 + $1.chunks.reduce(0) { $0 + $1.count + 2 } })
        var from = 0
        for place in places {
            out += skeleton[from..<place.at]
            out += Array("[\n".utf8)
            for (i, chunk) in place.chunks.enumerated() {
                if i > 0 { out += Array(",\n".utf8) }
                out += chunk
            }
            out += Array("\n  ]".utf8)
            from = place.at + empty.count
        }
        out += skeleton[from...]
        return out
    }

    /// A top-level array's elements (the text between its `[\n` and `\n]`), every non-empty line
    /// indented two more spaces: blank lines, inside empty arrays, carry no indentation.
    static func elements(ofArray chunk: [UInt8]) -> [UInt8] {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        guard chunk.count > 4 else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(chunk.count + chunk.count / 8)
        var atLineStart = true
        chunk.withUnsafeBufferPointer { p in
            for byte in p[2..<(p.count - 2)] {
                if atLineStart, byte != newline { out.append(space); out.append(space) }
                out.append(byte)
                atLineStart = byte == newline
            }
        }
        return out
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
