/// Zero-width assertions at a position, given the scalars either side (-1 at the ends of the text).
enum Assertions {
    static func holds(_ a: RegexAssertion, pos: Int, prev: Int32, next: Int32, atEnd: Bool) -> Bool {
        switch a {
        case .beginText: pos == 0
        case .endText: atEnd
        case .beginLine: pos == 0 || prev == 0x0A
        case .endLine: atEnd || next == 0x0A
        case .wordBoundary: isWord(prev) != isWord(next)
        case .nonWordBoundary: isWord(prev) == isWord(next)
        }
    }

    /// RE2's `\b` is ASCII: `[0-9A-Za-z_]`.
    static func isWord(_ c: Int32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }
}

/// Decoding of the (valid) UTF-8 of a Swift string, forwards and one scalar backwards.
enum UTF8Decode {
    /// The scalar at `i` and its width; (-1, 0) at the end.
    @inline(__always)
    static func at(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int32, Int) {
        guard i < t.count else { return (-1, 0) }
        let b0 = UInt32(t[i])
        if b0 < 0x80 { return (Int32(b0), 1) }
        if b0 < 0xE0, i + 1 < t.count { return (Int32((b0 & 0x1F) << 6 | UInt32(t[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < t.count {
            return (Int32((b0 & 0x0F) << 12 | (UInt32(t[i + 1]) & 0x3F) << 6 | UInt32(t[i + 2]) & 0x3F), 3)
        }
        if i + 3 < t.count {
            let v = (b0 & 0x07) << 18 | (UInt32(t[i + 1]) & 0x3F) << 12 | (UInt32(t[i + 2]) & 0x3F) << 6 | UInt32(t[i + 3]) & 0x3F
            return (Int32(v), 4)
        }
        return (0xFFFD, 1)
    }

    /// The scalar ending just before `i`; -1 at the start.
    static func before(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int32 {
        guard i > 0 else { return -1 }
        var j = i - 1
        while j > 0, t[j] & 0xC0 == 0x80, i - j < 4 { j -= 1 }
        return at(t, j).0
    }
}
