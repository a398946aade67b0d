/// A scanner for PEP 440's permissive version grammar (the normalisation rules included).
struct PEP440Parser {
    struct Parts {
        var epoch = "0"
        var release = [String]()
        var pre: (kind: PEP440Version.PhaseKind, number: String)?
        var post: String?
        var dev: String?
        var local = [String]()
    }

    let text: String
    private var scanner: ByteScanner

    init(text: String) {
        self.text = text
        scanner = ByteScanner(String(decoding: text.trimmingASCIISpaces().utf8.map(ASCII.lower), as: UTF8.self))
    }

    private static let preSpellings: [(String, PEP440Version.PhaseKind)] = [
        ("alpha", .alpha), ("a", .alpha), ("beta", .beta), ("b", .beta),
        ("preview", .releaseCandidate), ("pre", .releaseCandidate), ("c", .releaseCandidate), ("rc", .releaseCandidate),
    ]

    mutating func parse() throws(VersionParseError) -> Parts {
        guard !scanner.atEnd else { throw error(.empty, "empty version") }
        var parts = Parts()
        _ = scanner.skip("v")
        var first = scanner.take(ASCII.isDigit)
        if scanner.skip("!") {
            guard !first.isEmpty else { throw error(.invalidEpoch, "epoch is not a number") }
            parts.epoch = first
            first = scanner.take(ASCII.isDigit)
        }
        guard !first.isEmpty else { throw error(.invalidFormat, "a release number is required") }
        parts.release = [first]
        while scanner.peek == UInt8(ascii: "."), scanner.index + 1 < scanner.bytes.count,
              ASCII.isDigit(scanner.bytes[scanner.index + 1]) {
            scanner.index += 1
            parts.release.append(scanner.take(ASCII.isDigit))
        }
        parts.pre = parsePre()
        parts.post = parsePost()
        parts.dev = parseLabeled(["dev"])
        parts.local = try parseLocal()
        guard scanner.atEnd else { throw error(.invalidFormat, "not a PEP 440 version") }
        return parts
    }

    private mutating func parsePre() -> (kind: PEP440Version.PhaseKind, number: String)? {
        let start = scanner.index
        skipSeparator()
        for (spelling, kind) in Self.preSpellings where skipWord(spelling) {
            return (kind, optionalNumber())
        }
        scanner.index = start
        return nil
    }

    private mutating func parsePost() -> String? {
        let start = scanner.index
        if scanner.skip("-") {
            let digits = scanner.take(ASCII.isDigit)
            if !digits.isEmpty { return digits }
            scanner.index = start
        }
        return parseLabeled(["post", "rev", "r"])
    }

    /// `[-_.]?word[-_.]?N?` for the first matching word; the number defaults to 0.
    private mutating func parseLabeled(_ words: [String]) -> String? {
        let start = scanner.index
        skipSeparator()
        for word in words where skipWord(word) { return optionalNumber() }
        scanner.index = start
        return nil
    }

    private mutating func parseLocal() throws(VersionParseError) -> [String] {
        guard scanner.skip("+") else { return [] }
        var segments = [String]()
        repeat {
            let segment = scanner.take(ASCII.isAlphanumeric)
            guard !segment.isEmpty else { throw error(.invalidFormat, "empty local version segment") }
            segments.append(segment)
        } while skipSeparator()
        return segments
    }

    private mutating func optionalNumber() -> String {
        let start = scanner.index
        skipSeparator()
        let digits = scanner.take(ASCII.isDigit)
        if digits.isEmpty { scanner.index = start }
        return digits.isEmpty ? "0" : digits
    }

    @discardableResult
    private mutating func skipSeparator() -> Bool {
        scanner.skip("-") || scanner.skip("_") || scanner.skip(".")
    }

    private mutating func skipWord(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard scanner.index + bytes.count <= scanner.bytes.count,
              Array(scanner.bytes[scanner.index..<scanner.index + bytes.count]) == bytes else { return false }
        scanner.index += bytes.count
        return true
    }

    private func error(_ code: VersionParseError.Code, _ reason: String) -> VersionParseError {
        VersionParseError(code, scheme: PEP440Version.schemeID, input: text, reason: reason)
    }
}
