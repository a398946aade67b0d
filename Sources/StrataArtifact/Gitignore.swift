/// The rules of one `.gitignore` file, anchored at the directory that holds it.
/// Semantics follow git: last matching rule wins, `!` re-includes, a trailing `/` matches only
/// directories, a pattern with an inner `/` is relative to the file's directory, otherwise it
/// matches a name at any depth below it.
public struct Gitignore: Sendable {
    struct Rule: Sendable {
        let glob: Glob
        let negated: Bool
        let directoryOnly: Bool
    }

    let rules: [Rule]

    /// - Parameters:
    ///   - text: the file's contents.
    ///   - base: the directory holding it, relative to the scan root ("" for the root).
    public init(text: String, base: String) {
        var rules: [Rule] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if let rule = Gitignore.parse(String(raw), base: base) { rules.append(rule) }
        }
        self.rules = rules
    }

    static func parse(_ raw: String, base: String) -> Rule? {
        var line = Substring(raw)
        // Trailing spaces are ignored unless escaped.
        while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line = line.dropLast() }
        guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
        var negated = false
        if line.hasPrefix("!") {
            negated = true
            line = line.dropFirst()
        } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
            line = line.dropFirst()
        }
        var directoryOnly = false
        if line.hasSuffix("/") {
            directoryOnly = true
            line = line.dropLast()
        }
        guard !line.isEmpty else { return nil }
        let anchored = line.dropFirst().contains("/") || line.hasPrefix("/")
        if line.hasPrefix("/") { line = line.dropFirst() }
        let prefix = base.isEmpty ? "" : base + "/"
        let pattern = anchored ? prefix + line : prefix + "**/" + line
        return Rule(glob: Glob(pattern), negated: negated, directoryOnly: directoryOnly)
    }

    /// nil when no rule speaks about the path; otherwise whether it is ignored.
    func verdict(path: String, isDirectory: Bool) -> Bool? {
        var result: Bool?
        for rule in rules where !rule.directoryOnly || isDirectory {
            if rule.glob.matches(path) { result = !rule.negated }
        }
        return result
    }
}

/// The `.gitignore` files in effect for one directory: the root's, then each subdirectory's.
public struct GitignoreStack: Sendable {
    var files: [Gitignore] = []

    public init() {}

    public func pushing(_ file: Gitignore) -> GitignoreStack {
        var copy = self
        copy.files.append(file)
        return copy
    }

    public func isIgnored(path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        for file in files {
            if let verdict = file.verdict(path: path, isDirectory: isDirectory) { ignored = verdict }
        }
        return ignored
    }
}
