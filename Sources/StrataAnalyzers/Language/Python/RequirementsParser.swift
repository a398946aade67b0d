import StrataCore

/// pip requirements files. Exact pins (`==`, `===`, no wildcard) give a version; any other
/// requirement is listed with `version == nil` and its specifier in `constraint`. `-r`/`-c`
/// includes are returned in `Inventory.includes`, never followed (the parser reads no files).
public struct RequirementsParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        for line in Self.logicalLines(source) where inventory.packages.count < limits.maxPackages {
            let text = Self.stripComment(line.text).trimmed
            if text.isEmpty { continue }
            if text.hasPrefix("-") {
                option(text, line: line, path: path, into: &inventory)
            } else {
                requirement(text, line: line, path: path, into: &inventory)
            }
        }
        return inventory
    }

    struct LogicalLine {
        let text: Substring
        let first: Int
        let last: Int
    }

    /// Joins physical lines ending in a backslash (as pip does, not a comment line's); the
    /// logical line starts at its first line.
    static func logicalLines(_ source: SourceText) -> [LogicalLine] {
        var out: [LogicalLine] = []
        var pending = ""
        var first: Int?
        for line in source.lines {
            let start = first ?? line.number
            if line.text.hasSuffix("\\"), !(first == nil && line.text.trimmed.hasPrefix("#")) {
                pending += line.text.dropLast() + " "
                first = start
                continue
            }
            out.append(LogicalLine(text: Substring(pending + line.text), first: start, last: line.number))
            pending = ""
            first = nil
        }
        if let first { out.append(LogicalLine(text: Substring(pending), first: first, last: source.lines.count)) }
        return out
    }

    /// `#` starts a comment at the start of a line or after whitespace (not inside `url#egg=`).
    static func stripComment(_ text: Substring) -> Substring {
        var previous: Character = " "
        for index in text.indices {
            if text[index] == "#" && (previous == " " || previous == "\t") { return text[..<index] }
            previous = text[index]
        }
        return text
    }

    private func option(_ text: Substring, line: LogicalLine, path: String, into inventory: inout Inventory) {
        let includes = ["--requirement", "--constraint", "-r", "-c"]
        if let flag = includes.first(where: { text.hasPrefix($0) }) {
            let value = text.dropFirst(flag.count).drop { $0 == " " || $0 == "=" || $0 == "\t" }
            if value.isEmpty {
                inventory.warn(path, line: line.first, "\(flag) without a file name")
            } else {
                inventory.includes.append(String(value.trimmed))
            }
        } else if text.hasPrefix("-e") || text.hasPrefix("--editable") {
            inventory.warn(path, line: line.first, "editable requirement has no version; not inventoried")
        }
        // Other options (--index-url, --hash at line start, --pre, …) carry no package.
    }

    private func requirement(_ text: Substring, line: LogicalLine, path: String, into inventory: inout Inventory) {
        let location = SourceLocation(path: path, startLine: line.first, endLine: line.last)
        switch RequirementLine.parse(text) {
        case .success(let req):
            inventory.packages.append(InventoryPackage(
                name: req.name, version: req.pinnedVersion, ecosystem: "PyPI",
                purl: .pypi(req.name, req.pinnedVersion),
                constraint: req.pinnedVersion == nil ? (req.specifier.isEmpty ? nil : req.specifier) : nil,
                location: location))
        case .failure(let error):
            inventory.diagnostics.append(Diagnostic(level: .warning, code: error.code, location: location, reason: error.reason))
        }
    }
}
