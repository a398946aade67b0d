import StrataCore

/// One PEP 508 requirement as pip reads it: `name[extras] specifier ; markers --hash=…`, or
/// `name @ url`. Environment markers and per-requirement options are dropped.
struct RequirementLine: Hashable {
    var name: String
    var extras: [String]
    /// The version clauses as written (`>=1.0,<2`), or the URL of a `name @ url` requirement.
    var specifier: String
    /// Set only for a single exact pin: `==1.2` or `===1.2`, no `*`.
    var pinnedVersion: String?

    static func parse(_ raw: Substring) -> Result<RequirementLine, StrataError> {
        var text = withoutOptions(raw)
        if let semicolon = text.firstIndex(of: ";") { text = text[..<semicolon].trimmed }
        let nameEnd = text.firstIndex { !isNameCharacter($0) } ?? text.endIndex
        let name = String(text[..<nameEnd])
        guard let first = name.first, first.isLetter || first.isNumber, first.isASCII else {
            return .failure(StrataError(.parseError, "not a requirement: \(raw.prefix(80))"))
        }
        var rest = text[nameEnd...].trimmed
        var extras: [String] = []
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                return .failure(StrataError(.parseError, "unclosed extras in requirement \(name)"))
            }
            extras = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map { String($0.trimmed) }
            rest = rest[rest.index(after: close)...].trimmed
        }
        if rest.hasPrefix("@") {
            return .success(RequirementLine(name: name, extras: extras, specifier: String(rest.dropFirst().trimmed)))
        }
        if rest.hasPrefix("("), rest.hasSuffix(")") { rest = rest.dropFirst().dropLast().trimmed }
        return clauses(rest, of: name).map { RequirementLine(name: name, extras: extras, specifier: String(rest), pinnedVersion: $0) }
    }

    /// Validates the comma-separated clauses and returns the exact pin, if there is one.
    private static func clauses(_ spec: Substring, of name: String) -> Result<String?, StrataError> {
        if spec.isEmpty { return .success(nil) }
        let operators = ["===", "==", "!=", "~=", "<=", ">=", "<", ">"]
        var pins: [String] = []
        var count = 0
        for clause in spec.split(separator: ",").map(\.trimmed) {
            guard let op = operators.first(where: { clause.hasPrefix($0) }) else {
                return .failure(StrataError(.parseError, "requirement \(name): bad version clause `\(clause.prefix(40))`"))
            }
            let version = clause.dropFirst(op.count).trimmed
            guard !version.isEmpty, !version.contains(where: { $0 == " " || $0 == "\t" }) else {
                return .failure(StrataError(.parseError, "requirement \(name): bad version in clause `\(clause.prefix(40))`"))
            }
            count += 1
            if op == "==" || op == "===", !version.contains("*") { pins.append(String(version)) }
        }
        return .success(count == 1 ? pins.first : nil)
    }

    /// Cuts per-requirement options: everything from the first whitespace-preceded `--`.
    private static func withoutOptions(_ text: Substring) -> Substring {
        var search = text.startIndex
        while let range = text[search...].range(of: "--") {
            if range.lowerBound == text.startIndex { return "" }
            let before = text[text.index(before: range.lowerBound)]
            if before == " " || before == "\t" { return text[..<range.lowerBound].trimmed }
            search = range.upperBound
        }
        return text.trimmed
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
    }
}
