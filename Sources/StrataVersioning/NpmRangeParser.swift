/// Parses one `||` alternative of an npm range into primitive comparators.
struct NpmRangeParser {
    typealias Comparator = NpmRange.Comparator

    /// A possibly partial version: nil numbers are wildcards (`x`, `X`, `*` or missing).
    struct Partial {
        var major: Int?
        var minor: Int?
        var patch: Int?
        var prerelease: [String] = []

        func version(_ major: Int, _ minor: Int, _ patch: Int, pre: [String] = []) -> SemanticVersion {
            SemanticVersion(major: major, minor: minor, patch: patch, prerelease: pre)
        }
    }

    let range: String

    func parseSet(_ text: String) throws(VersionParseError) -> [Comparator] {
        let words = tokens(text)
        if words.count == 3, words[1] == "-" {
            return try hyphen(partial(words[0]), partial(words[2]))
        }
        var result = [Comparator]()
        for word in words { result += try comparator(word) }
        return result
    }

    /// Whitespace-separated words, with an operator glued to the version after it (`>= 1.2` → `>=1.2`).
    private func tokens(_ text: String) -> [String] {
        var words = [String]()
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if let last = words.last, ["<", "<=", ">", ">=", "=", "~", "~>", "^"].contains(last) {
                words[words.count - 1] = last + word
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    private func comparator(_ word: String) throws(VersionParseError) -> [Comparator] {
        for op in ["~>", "<=", ">=", "<", ">", "=", "~", "^"] where word.hasPrefix(op) {
            let rest = String(word.dropFirst(op.count))
            let version = try partial(rest)
            switch op {
            case "~", "~>": return tilde(version)
            case "^": return caret(version)
            default: return primitive(op, version)
            }
        }
        return primitive("", try partial(word))
    }

    private func tilde(_ v: Partial) -> [Comparator] {
        guard let major = v.major else { return [] }
        guard let minor = v.minor else { return bounds(v.version(major, 0, 0), v.version(major + 1, 0, 0, pre: ["0"])) }
        let lower = v.version(major, minor, v.patch ?? 0, pre: v.patch == nil ? [] : v.prerelease)
        return bounds(lower, v.version(major, minor + 1, 0, pre: ["0"]))
    }

    private func caret(_ v: Partial) -> [Comparator] {
        guard let major = v.major else { return [] }
        guard let minor = v.minor else { return bounds(v.version(major, 0, 0), v.version(major + 1, 0, 0, pre: ["0"])) }
        guard let patch = v.patch else {
            let upper = major == 0 ? v.version(0, minor + 1, 0, pre: ["0"]) : v.version(major + 1, 0, 0, pre: ["0"])
            return bounds(v.version(major, minor, 0), upper)
        }
        let lower = v.version(major, minor, patch, pre: v.prerelease)
        if major != 0 { return bounds(lower, v.version(major + 1, 0, 0, pre: ["0"])) }
        if minor != 0 { return bounds(lower, v.version(0, minor + 1, 0, pre: ["0"])) }
        return bounds(lower, v.version(0, 0, patch + 1, pre: ["0"]))
    }

    /// `op` with a partial version, as node-semver's X-range rewriting does.
    private func primitive(_ op: String, _ v: Partial) -> [Comparator] {
        guard let major = v.major else {
            return op == "<" || op == ">" ? [Comparator(op: .less, version: v.version(0, 0, 0, pre: ["0"]))] : []
        }
        guard v.minor == nil || v.patch == nil else {
            let exact = v.version(major, v.minor ?? 0, v.patch ?? 0, pre: v.prerelease)
            return [Comparator(op: NpmRange.Operator(rawValue: op == "=" ? "" : op) ?? .equal, version: exact)]
        }
        let minor = v.minor ?? 0
        switch op {
        case ">": return [Comparator(op: .greaterOrEqual, version: v.minor == nil ? v.version(major + 1, 0, 0) : v.version(major, minor + 1, 0))]
        case ">=": return [Comparator(op: .greaterOrEqual, version: v.version(major, minor, 0))]
        case "<": return [Comparator(op: .less, version: v.version(major, minor, 0, pre: ["0"]))]
        case "<=": return [Comparator(op: .less, version: v.minor == nil ? v.version(major + 1, 0, 0, pre: ["0"]) : v.version(major, minor + 1, 0, pre: ["0"]))]
        default:
            let upper = v.minor == nil ? v.version(major + 1, 0, 0, pre: ["0"]) : v.version(major, minor + 1, 0, pre: ["0"])
            return bounds(v.version(major, minor, 0), upper)
        }
    }

    private func hyphen(_ from: Partial, _ to: Partial) -> [Comparator] {
        var result = [Comparator]()
        if let major = from.major {
            let full = from.minor != nil && from.patch != nil
            result.append(Comparator(op: .greaterOrEqual, version: from.version(major, from.minor ?? 0, from.patch ?? 0, pre: full ? from.prerelease : [])))
        }
        if let major = to.major {
            if let minor = to.minor, let patch = to.patch {
                result.append(Comparator(op: .lessOrEqual, version: to.version(major, minor, patch, pre: to.prerelease)))
            } else {
                let upper = to.minor.map { to.version(major, $0 + 1, 0, pre: ["0"]) } ?? to.version(major + 1, 0, 0, pre: ["0"])
                result.append(Comparator(op: .less, version: upper))
            }
        }
        return result
    }

    private func bounds(_ lower: SemanticVersion, _ upper: SemanticVersion) -> [Comparator] {
        [Comparator(op: .greaterOrEqual, version: lower), Comparator(op: .less, version: upper)]
    }

    /// `v?(N|x|X|*)(.(N|x|X|*)){0,2}(-pre)?(+build)?`. A bare operator or `v` is an error, as in
    /// node-semver; numbers after a wildcard (`1.x.3`, which node-semver ignores) are reported too.
    func partial(_ text: String) throws(VersionParseError) -> Partial {
        var body = Substring(text)
        if body.first == "=" { body = body.dropFirst() }
        if body.first == "v" { body = body.dropFirst() }
        guard !body.isEmpty else { throw error("an operator without a version") }
        let (core, build) = body.splitOnce("+")
        let (numbers, pre) = core.splitOnce("-")
        let parts = numbers.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 3 else { throw error("more than three version numbers in \"\(text)\"") }
        var values = [Int?]()
        for part in parts {
            if ["x", "X", "*"].contains(part) { values.append(nil); continue }
            guard !part.isEmpty, part.utf8.allSatisfy(ASCII.isDigit), part.count < 16, let value = Int(part) else {
                throw error("bad version number \"\(part)\"")
            }
            if values.contains(where: { $0 == nil }) { throw error("a number after a wildcard in \"\(text)\"") }
            values.append(value)
        }
        while values.count < 3 { values.append(nil) }
        var partial = Partial(major: values[0], minor: values[1], patch: values[2])
        if pre != nil, values[2] == nil { throw error("a pre-release needs major.minor.patch in \"\(text)\"") }
        if let pre {
            partial.prerelease = try SemanticVersion("0.0.0-" + pre, scheme: NpmRange.schemeID).prerelease
        }
        if let build, build.isEmpty { throw error("empty build metadata") }
        return partial
    }

    private func error(_ reason: String) -> VersionParseError {
        VersionParseError(.invalidFormat, scheme: NpmRange.schemeID, input: range, reason: reason)
    }
}
