/// Composer's version normalisation (see ``ComposerVersion``), as a scanner.
struct ComposerNormalizer {
    let text: String

    /// Stability words in the order Composer's pattern tries them, with their expansions.
    private static let stabilities: [(String, String)] = [
        ("stable", ""), ("beta", "beta"), ("b", "beta"), ("rc", "RC"), ("alpha", "alpha"), ("a", "alpha"),
        ("patch", "patch"), ("pl", "patch"), ("p", "patch"),
    ]

    func normalize() throws(VersionParseError) -> String {
        var version = text.trimmingASCIISpaces()
        guard !version.isEmpty else { throw error(.empty, "empty version") }
        let words = version.split(separator: " ")
        if words.count == 3, words[1] == "as" { version = String(words[0]) }
        for flag in ["@stable", "@rc", "@beta", "@alpha", "@dev"] where version.lowercased().hasSuffix(flag) {
            version = String(version.dropLast(flag.count))
        }
        if version.lowercased().hasPrefix("dev-") || ["master", "trunk", "default"].contains(version) {
            throw error(.notOrderable, "a named branch has no version order")
        }
        if let plus = version.firstIndex(of: "+") { version = String(version[..<plus]) }
        let lower = version.lowercased()
        if let classical = Self.classical(Array(lower.utf8)) { return classical }
        if let date = Self.date(Array(lower.utf8)) { return date }
        if let branch = Self.numericBranch(lower) { return branch }
        throw error(.invalidFormat, "not a Composer version")
    }

    /// `v?N(.N){0,3}` + modifier; numbers padded to four.
    private static func classical(_ bytes: [UInt8]) -> String? {
        var scanner = ByteScanner(String(decoding: bytes, as: UTF8.self))
        _ = scanner.skip("v")
        let first = scanner.take(ASCII.isDigit)
        guard (1...5).contains(first.count) else { return nil }
        var numbers = [first]
        while numbers.count < 4, scanner.peek == UInt8(ascii: "."),
              scanner.index + 1 < bytes.count, ASCII.isDigit(bytes[scanner.index + 1]) {
            scanner.index += 1
            numbers.append(scanner.take(ASCII.isDigit))
        }
        numbers += Array(repeating: "0", count: 4 - numbers.count)
        guard let modifier = modifier(&scanner) else { return nil }
        return numbers.joined(separator: ".") + modifier
    }

    /// `YYYY` + 1–6 × `[.:-]?DD` + an optional `[.:-]?D{1,3}` + modifier; non-digits become dots.
    private static func date(_ bytes: [UInt8]) -> String? {
        var scanner = ByteScanner(String(decoding: bytes, as: UTF8.self))
        _ = scanner.skip("v")
        let start = scanner.index
        guard scanner.takeDigits(max: 4) == 4 else { return nil }
        var pairs = 0
        while pairs < 6, scanner.group(minDigits: 2, maxDigits: 2) { pairs += 1 }
        guard pairs >= 1 else { return nil }
        _ = scanner.group(minDigits: 1, maxDigits: 3)
        let body = String(decoding: bytes[start..<scanner.index].map { ASCII.isDigit($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
        guard let modifier = modifier(&scanner) else { return nil }
        return body + modifier
    }

    /// `[._-]?((stability)((?:[.-]?\d+)*))?([.-]?dev)?` up to the end of the string; nil when
    /// something else follows.
    private static func modifier(_ scanner: inout ByteScanner) -> String? {
        let start = scanner.index
        if let byte = scanner.peek, "._-".utf8.contains(byte) { scanner.index += 1 }
        guard let (word, expansion) = stabilities.first(where: { scanner.hasPrefix($0.0) }) else {
            if scanner.index > start, devSuffix(&scanner) { return "-dev" }
            scanner.index = start
            return devSuffix(&scanner) ? "-dev" : (scanner.atEnd ? "" : nil)
        }
        scanner.index += word.utf8.count
        let numberStart = scanner.index
        while scanner.group(minDigits: 1, maxDigits: Int.max, separators: ".-") {}
        let number = String(decoding: scanner.bytes[numberStart..<scanner.index], as: UTF8.self)
        let dev = devSuffix(&scanner)
        guard scanner.atEnd else { return nil }
        if expansion.isEmpty { return "" }
        return "-" + expansion + String(number.drop { $0 == "." || $0 == "-" }) + (dev ? "-dev" : "")
    }

    /// `[.-]?dev` at the very end.
    private static func devSuffix(_ scanner: inout ByteScanner) -> Bool {
        var probe = scanner
        if let byte = probe.peek, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") { probe.index += 1 }
        guard probe.hasPrefix("dev"), probe.index + 3 == probe.bytes.count else { return false }
        scanner.index = probe.bytes.count
        return true
    }

    /// `1.x-dev`, `2.3.*-dev`, `v1.2-dev` → numbers with wildcards as 9999999, padded, `-dev`.
    private static func numericBranch(_ version: String) -> String? {
        guard version.hasSuffix("dev") else { return nil }
        var name = version.dropLast(3)
        if name.last == "." || name.last == "-" { name = name.dropLast() }
        if name.first == "v" { name = name.dropFirst() }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count), !parts[0].isEmpty, parts[0].utf8.allSatisfy(ASCII.isDigit) else { return nil }
        var numbers = [String]()
        for part in parts {
            if ["x", "*"].contains(part) { numbers.append("9999999"); continue }
            guard !part.isEmpty, part.utf8.allSatisfy(ASCII.isDigit) else { return nil }
            numbers.append(String(part))
        }
        numbers += Array(repeating: "9999999", count: 4 - numbers.count)
        return numbers.joined(separator: ".") + "-dev"
    }

    private func error(_ code: VersionParseError.Code, _ reason: String) -> VersionParseError {
        VersionParseError(code, scheme: ComposerVersion.schemeID, input: text, reason: reason)
    }
}

extension ByteScanner {
    /// Consumes up to `max` digits; returns how many.
    mutating func takeDigits(max: Int) -> Int {
        var count = 0
        while count < max, let byte = peek, ASCII.isDigit(byte) {
            index += 1
            count += 1
        }
        return count
    }

    /// Consumes an optional separator and `minDigits...maxDigits` digits, or nothing.
    mutating func group(minDigits: Int, maxDigits: Int, separators: String = ".:-") -> Bool {
        let mark = index
        if let byte = peek, separators.utf8.contains(byte) { index += 1 }
        if takeDigits(max: maxDigits) >= minDigits { return true }
        index = mark
        return false
    }

    func hasPrefix(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return index + bytes.count <= self.bytes.count && Array(self.bytes[index..<index + bytes.count]) == bytes
    }
}
