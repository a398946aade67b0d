import StrataArtifact
import StrataCore

/// Compiled rules plus the keyword automaton over all their keywords and the global allowlist.
/// Built once per scan; immutable and shared by every thread. A class, so that handing it to the
/// per-file engine retains one object rather than each of its two dozen arrays (every thread
/// shares them, and those reference counts bounced between cores on every file).
public final class RuleSet: Sendable {
    public let rules: [CompiledRule]
    let matcher: KeywordMatcher
    /// For each keyword index, the rules that listed it, flat: keyword k's rules are
    /// `keywordRules[keywordRuleStart[k]..<keywordRuleStart[k + 1]]`. The per-hit path reads these
    /// through buffer pointers taken once per file; a nested `[[Int]]` retained and released an inner
    /// buffer shared by every thread on each hit, and on two cores those atomic reference counts
    /// bounce one cache line between them.
    let keywordRuleStart: [Int32]
    let keywordRules: [Int32]
    /// Rules without keywords run over every window of every file.
    let keywordless: [Int]
    let allowPaths: [Glob]
    let allowRegexes: [CompiledRegex]
    let stopwords: [String]
    /// Flat per-rule and per-keyword facts for the prefilter's hot path.
    let radii: [Int]
    /// Whether a rule has `paths` or allowlisted paths; the others apply to every file, and the
    /// per-file check then touches no rule value.
    let pathScoped: [Bool]
    let multiline: [Bool]
    let keywordLengths: [Int]
    let requiredRuns: [RequiredRun?]
    /// Per keyword-led rule (`CompiledRule.keywordLed`), the length of its longest keyword; nil
    /// for the other rules.
    let leadLengths: [Int?]
    let shapes: ShapeCache

    public init(_ file: RuleFile, path: String) throws(StrataError) {
        var seen = Set<String>()
        var rules: [CompiledRule] = []
        for spec in file.rules {
            guard seen.insert(spec.id).inserted else {
                throw StrataError(.configInvalid, "duplicate rule id '\(spec.id)'", at: SourceLocation(path: path, startLine: spec.line))
            }
            rules.append(try CompiledRule(spec, path: path))
        }
        self.rules = rules
        var keywordIndex: [String: Int] = [:]
        var byKeyword: [[Int]] = []
        var keywordless: [Int] = []
        for (r, rule) in rules.enumerated() {
            if rule.spec.keywords.isEmpty { keywordless.append(r) }
            for k in Set(rule.spec.keywords) {
                if keywordIndex[k] == nil {
                    keywordIndex[k] = byKeyword.count
                    byKeyword.append([])
                }
                byKeyword[keywordIndex[k]!].append(r)
            }
        }
        let words = keywordIndex.sorted { $0.value < $1.value }.map(\.key)
        matcher = KeywordMatcher(keywords: words)
        keywordLengths = words.map(\.utf8.count)
        radii = rules.map(\.window)
        pathScoped = rules.map { !$0.paths.isEmpty || !$0.allowPaths.isEmpty }
        multiline = rules.map(\.spec.multiline)
        requiredRuns = rules.map(\.requiredRun)
        leadLengths = rules.map { $0.keywordLed ? $0.spec.keywords.map(\.utf8.count).max() : nil }
        shapes = ShapeCache(rules.map(\.regexNode))
        var starts: [Int32] = [0]
        for list in byKeyword { starts.append(starts.last! + Int32(list.count)) }
        keywordRuleStart = starts
        keywordRules = byKeyword.flatMap { $0.map { Int32($0) } }
        self.keywordless = keywordless
        allowPaths = file.allowlist.paths.map(WalkOptions.rootedGlob)
        var allow: [CompiledRegex] = []
        for pattern in file.allowlist.regexes {
            allow.append(try CompiledRegex.compile(pattern, what: "allowlist regex", at: SourceLocation(path: path), prefiltered: true))
        }
        allowRegexes = allow
        stopwords = file.allowlist.stopwords
    }

    /// The built-in rules with an optional user config applied on top.
    public static func load(config: RuleFile?, configPath: String = "secret-config") throws(StrataError) -> RuleSet {
        let base = try RuleFileParser.parse(BuiltinSecretRules.yaml, path: BuiltinSecretRules.path)
        guard let config else { return try RuleSet(base, path: BuiltinSecretRules.path) }
        return try RuleSet(base.applying(config), path: configPath)
    }

    func isAllowedPath(_ path: String) -> Bool { allowPaths.contains { $0.matches(path) } }

    /// Whether a secret is an allowlisted placeholder, globally or for the rule.
    func isAllowed(secret: String, rule: CompiledRule) -> Bool {
        let lower = secret.lowercased()
        if stopwords.contains(where: { lower.contains($0) }) { return true }
        if rule.spec.allowlist.stopwords.contains(where: { lower.contains($0) }) { return true }
        if allowRegexes.contains(where: { $0.firstMatch(in: secret) }) { return true }
        return rule.allowRegexes.contains { $0.firstMatch(in: secret) }
    }
}
