import Synchronization

/// A compiled pattern in Go's RE2 syntax, matched in linear time (no backtracking).
/// Positions are UTF-8 byte offsets, as in Go.
public final class RE2: Sendable {
    public let pattern: String
    /// Number of capture groups (not counting the whole match).
    public let captureCount: Int
    /// Group names by index (index 0, the whole match, is nil).
    public let captureNames: [String?]
    let program: Program
    /// Bytes every match contains, and whether the whole pattern is just that literal.
    private let required: [UInt8]?
    private let pureLiteral: Bool
    static let poolableInstructions = 20_000
    /// Whether the compiled program is small enough to keep in long-lived caches.
    public var isSmall: Bool { program.insts.count <= Self.poolableInstructions }
    /// Match-only machines, reused: building one allocates per program instruction.
    private let idle = Mutex<[PikeVM]>([])

    public init(_ pattern: String) throws(RegexError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        self.pattern = pattern
        captureCount = parser.captureCount
        captureNames = parser.names
        program = try Compiler.compile(node, captureCount: parser.captureCount, pattern: pattern)
        required = RequiredLiteral.of(node)
        pureLiteral = RequiredLiteral.isPure(node)
    }

    /// Whether the pattern matches anywhere in `text` (Go's `MatchString`).
    public func matches(_ text: String) -> Bool {
        withBytes(text) { bytes in
            if let required {
                if !RequiredLiteral.contains(bytes, required) { return false }
                if pureLiteral { return true }
            }
            var vm = idle.withLock { $0.popLast() } ?? PikeVM(program, slots: 0)
            let found = vm.run(bytes, from: 0) != nil
            // Machines of huge programs are not kept: each holds arrays the size of the program.
            if program.insts.count <= Self.poolableInstructions { idle.withLock { if $0.count < 8 { $0.append(vm) } } }
            return found
        }
    }

    /// Up to `limit` successive non-overlapping matches (all when `limit < 0`), Go's `FindAll…Index` rules:
    /// an empty match right after the previous match is skipped. Each match is its slot list (pairs of
    /// byte offsets, -1 for a group that did not take part); `groups: false` gives only the whole match.
    public func allMatches(in text: String, limit: Int = -1, groups: Bool = true) -> [[Int]] {
        withBytes(text) { bytes in allMatches(bytes, limit: limit, groups: groups) }
    }

    func allMatches(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, groups: Bool) -> [[Int]] {
        guard limit != 0 else { return [] }
        if let required, !RequiredLiteral.contains(bytes, required) { return [] }
        var vm = PikeVM(program, slots: groups ? program.slotCount : 2)
        var out: [[Int]] = []
        var pos = 0, prevEnd = -1
        while (limit < 0 || out.count < limit), pos <= bytes.count {
            guard let m = vm.run(bytes, from: pos) else { break }
            var accept = true
            if m[1] == pos {
                if m[0] == prevEnd { accept = false }
                pos += pos < bytes.count ? UTF8Decode.at(bytes, pos).1 : 1
            } else {
                pos = m[1]
            }
            prevEnd = m[1]
            if accept { out.append(m) }
        }
        return out
    }

    /// The matched text of each group of each match (Go's `FindAllStringSubmatch`; "" for groups that did not take part).
    public func allSubmatches(in text: String, limit: Int = -1) -> [[String]] {
        withBytes(text) { bytes in
            allMatches(bytes, limit: limit, groups: true).map { m in
                stride(from: 0, to: m.count, by: 2).map { m[$0] < 0 ? "" : Self.slice(bytes, m[$0], m[$0 + 1]) }
            }
        }
    }

    /// Go's `FindAllString`.
    public func allMatchedStrings(in text: String, limit: Int = -1) -> [String] {
        withBytes(text) { bytes in
            allMatches(bytes, limit: limit, groups: false).map { Self.slice(bytes, $0[0], $0[1]) }
        }
    }

    /// Go's `Split(s, n)`: the text between matches; an empty match at the start does not split.
    public func split(_ text: String, limit: Int = -1) -> [String] {
        if limit == 0 { return [] }
        if !pattern.isEmpty, text.isEmpty { return [""] }
        return withBytes(text) { bytes in
            var parts: [String] = []
            var begin = 0, end = 0
            for m in allMatches(bytes, limit: limit, groups: false) {
                if limit > 0, parts.count == limit - 1 { break }
                end = m[0]
                if m[1] != 0 { parts.append(Self.slice(bytes, begin, end)) }
                begin = m[1]
            }
            if end != bytes.count { parts.append(Self.slice(bytes, begin, bytes.count)) }
            return parts
        }
    }

    /// Go's `ReplaceAllString`: `$1`, `${name}` and `$$` in `template` expand (Go's `Expand` rules).
    public func replaceAll(_ text: String, template: String) -> String {
        withBytes(text) { bytes in
            if let required, !RequiredLiteral.contains(bytes, required) { return text }
            var vm = PikeVM(program, slots: program.slotCount)
            var out: [UInt8] = []
            var lastEnd = 0, search = 0
            while search <= bytes.count {
                guard let m = vm.run(bytes, from: search) else { break }
                out.append(contentsOf: bytes[lastEnd..<m[0]])
                if m[1] > lastEnd || m[0] == 0 { expand(template, m, bytes, into: &out) }
                lastEnd = m[1]
                let width = search < bytes.count ? UTF8Decode.at(bytes, search).1 : 1
                if search + width > m[1] {
                    search += width
                } else if search + 1 > m[1] {
                    search += 1
                } else {
                    search = m[1]
                }
            }
            out.append(contentsOf: bytes[lastEnd...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    private func expand(_ template: String, _ m: [Int], _ src: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let t = Array(template.utf8)
        var i = 0
        func append(group g: Int) {
            if 2 * g + 1 < m.count, m[2 * g] >= 0 { out.append(contentsOf: src[m[2 * g]..<m[2 * g + 1]]) }
        }
        while i < t.count {
            guard t[i] == UInt8(ascii: "$") else {
                out.append(t[i])
                i += 1
                continue
            }
            i += 1
            if i < t.count, t[i] == UInt8(ascii: "$") {
                out.append(t[i])
                i += 1
                continue
            }
            guard let (name, next) = Self.templateName(t, i) else {
                out.append(UInt8(ascii: "$"))
                continue
            }
            i = next
            if let n = Int(name), n >= 0, name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                append(group: n)
            } else if let g = captureNames.firstIndex(where: { $0 == name }) {
                append(group: g)
            }
        }
    }

    /// The name after `$` at `i` (`name` or `{name}`) and where the template continues; nil if malformed.
    private static func templateName(_ t: [UInt8], _ start: Int) -> (String, Int)? {
        var i = start
        let brace = i < t.count && t[i] == UInt8(ascii: "{")
        if brace { i += 1 }
        let nameStart = i
        let rest = String(decoding: t[i...], as: UTF8.self)
        for ch in rest.unicodeScalars {
            let category = ch.properties.generalCategory
            guard ch == "_" || category.isLetter || category == .decimalNumber else { break }
            i += String(ch).utf8.count
        }
        if i == nameStart { return nil }
        let name = String(decoding: t[nameStart..<i], as: UTF8.self)
        if brace {
            guard i < t.count, t[i] == UInt8(ascii: "}") else { return nil }
            i += 1
        }
        return (name, i)
    }

    /// Go's `QuoteMeta`: the pattern matching `s` literally.
    public static func quoteMeta(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(ch) { out.append("\\") }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    static func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    }

    private func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var t = text
        return t.withUTF8(body)
    }
}

private extension Unicode.GeneralCategory {
    var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}
