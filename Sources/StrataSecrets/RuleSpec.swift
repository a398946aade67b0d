import StrataCore

/// One secret rule as written in YAML, before compilation. The built-in rule file and user
/// `--secret-config` files share this shape (see docs/secrets.md).
public struct RuleSpec: Sendable, Hashable {
    /// Kebab-case, stable, never reused.
    public var id: String
    public var title: String
    public var severity: Severity
    /// The regular expression (ICU syntax, NSRegularExpression).
    public var regex: String
    /// Capture group holding the secret; 0 is the whole match. Defaults to 1 when the regex has a group.
    public var secretGroup: Int?
    /// Lower-case literals; the regex runs only in windows around one of them.
    public var keywords: [String]
    /// Minimum Shannon entropy (bits per byte) of the secret.
    public var entropy: Double?
    /// Bytes of context on each side of a keyword the regex sees.
    public var window: Int?
    /// The regex may span lines (PEM blocks); the window is then not clipped at line ends.
    public var multiline: Bool
    /// The rule only applies to files matching one of these globs (empty: every file).
    public var paths: [String]
    public var allowlist: AllowlistSpec
    public var remediation: String?
    public var references: [String]
    public var truePositives: [String]
    public var falsePositives: [String]
    /// Line in the YAML file, for diagnostics.
    public var line: Int?

    public init(
        id: String, title: String, severity: Severity = .high, regex: String, secretGroup: Int? = nil,
        keywords: [String], entropy: Double? = nil, window: Int? = nil, multiline: Bool = false,
        paths: [String] = [], allowlist: AllowlistSpec = AllowlistSpec(), remediation: String? = nil,
        references: [String] = [], truePositives: [String] = [], falsePositives: [String] = [], line: Int? = nil
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.regex = regex
        self.secretGroup = secretGroup
        self.keywords = keywords
        self.entropy = entropy
        self.window = window
        self.multiline = multiline
        self.paths = paths
        self.allowlist = allowlist
        self.remediation = remediation
        self.references = references
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.line = line
    }

    /// The family a rule belongs to for evaluation: the id up to its first dash (`aws`, `github`).
    public var family: String { String(id.split(separator: "-").first ?? Substring(id)) }
}

/// What must not be reported: files by path, secrets by regex or by stop word.
public struct AllowlistSpec: Sendable, Hashable {
    public var paths: [String]
    /// Applied to the secret (the capture group), not to the whole line.
    public var regexes: [String]
    /// Lower-case words; a secret containing one is a placeholder.
    public var stopwords: [String]

    public init(paths: [String] = [], regexes: [String] = [], stopwords: [String] = []) {
        self.paths = paths
        self.regexes = regexes
        self.stopwords = stopwords
    }

    public var isEmpty: Bool { paths.isEmpty && regexes.isEmpty && stopwords.isEmpty }

    public mutating func merge(_ other: AllowlistSpec) {
        paths += other.paths
        regexes += other.regexes
        stopwords += other.stopwords
    }
}

/// A rule file: the built-in rules, or a user config that adds rules, disables some and widens
/// the allowlist.
public struct RuleFile: Sendable, Hashable {
    public var rules: [RuleSpec]
    public var disable: [String]
    public var allowlist: AllowlistSpec

    public init(rules: [RuleSpec] = [], disable: [String] = [], allowlist: AllowlistSpec = AllowlistSpec()) {
        self.rules = rules
        self.disable = disable
        self.allowlist = allowlist
    }

    /// This file with `config` applied: its rules replace same-id rules or are appended, its
    /// disabled ids are dropped, its allowlist is added to ours.
    public func applying(_ config: RuleFile) -> RuleFile {
        var out = self
        for rule in config.rules {
            if let i = out.rules.firstIndex(where: { $0.id == rule.id }) { out.rules[i] = rule } else { out.rules.append(rule) }
        }
        let disabled = Set(config.disable)
        out.rules.removeAll { disabled.contains($0.id) }
        out.disable += config.disable
        out.allowlist.merge(config.allowlist)
        return out
    }
}
