import StrataArtifact
import StrataCore

/// A rule ready to run: regex compiled, path globs and allowlist compiled. A class for the same
/// reason as `RuleSet`: reading a rule out of the table then retains one object, not ten.
public final class CompiledRule: Sendable {
    public let spec: RuleSpec
    let regex: CompiledRegex
    let secretGroup: Int
    let window: Int
    let paths: [Glob]
    let allowPaths: [Glob]
    let allowRegexes: [CompiledRegex]
    /// A byte run every match contains; windows without one skip the regex.
    let requiredRun: RequiredRun?
    /// The regex as far as the pre-checks understand it (nil: no pre-check).
    let regexNode: RegexNode?
    /// Every match begins with one of the keywords (`KeywordLeadAnalyzer`): the pre-checks of a
    /// window start at its first keyword hit.
    let keywordLed: Bool

    public static let defaultWindow = 512
    public static let maxWindow = 16 << 10

    init(_ spec: RuleSpec, path: String) throws(StrataError) {
        self.spec = spec
        let at = SourceLocation(path: path, startLine: spec.line)
        regex = try CompiledRegex.compile(spec.regex, what: "rule '\(spec.id)': regex", at: at)
        regexNode = RegexSubsetParser.parse(spec.regex)
        requiredRun = regexNode.flatMap(RegexRunAnalyzer.requiredRun)
        keywordLed = regexNode.map { KeywordLeadAnalyzer.leads($0, keywords: spec.keywords) } ?? false
        var allow: [CompiledRegex] = []
        for pattern in spec.allowlist.regexes {
            allow.append(try CompiledRegex.compile(pattern, what: "rule '\(spec.id)': allowlist regex", at: at, prefiltered: true))
        }
        allowRegexes = allow
        let group = spec.secretGroup ?? (regex.groupCount > 0 ? 1 : 0)
        guard group >= 0, group <= regex.groupCount else {
            throw StrataError(.configInvalid, "rule '\(spec.id)': secret-group \(group) but the regex has \(regex.groupCount) group(s)", at: at)
        }
        secretGroup = group
        window = min(max(spec.window ?? CompiledRule.defaultWindow, 64), CompiledRule.maxWindow)
        paths = spec.paths.map(WalkOptions.rootedGlob)
        allowPaths = spec.allowlist.paths.map(WalkOptions.rootedGlob)
    }

    /// A byte-level automaton for a superset of the regex; windows it rejects skip the regex.
    /// Built on each call (the engine keeps them in `RuleSet.shapes`).
    var shape: ShapeAutomaton? { regexNode.flatMap(ShapeAutomaton.init) }

    func applies(to path: String) -> Bool {
        if !paths.isEmpty, !paths.contains(where: { $0.matches(path) }) { return false }
        return !allowPaths.contains { $0.matches(path) }
    }
}
