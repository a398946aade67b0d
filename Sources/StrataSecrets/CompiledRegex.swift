import Foundation
import StrataCore

/// An ICU regular expression compiled once. NSRegularExpression is immutable after creation and
/// documented as safe to use from several threads at once.
public struct CompiledRegex: @unchecked Sendable {
    public let pattern: String
    let regex: NSRegularExpression
    /// For allowlist patterns, which every candidate secret is tested against: a byte automaton for a
    /// superset of the pattern (`ShapeAutomaton`), so that `firstMatch` asks ICU only when it may
    /// match. Most secrets match no allowlist, and an ICU call (a UTF-16 copy, then `(?i)` case
    /// folding at every position) costs far more than one table load per byte.
    let prefilter: ShapeAutomaton?

    public init(_ pattern: String) throws {
        try self.init(pattern, prefiltered: false)
    }

    init(_ pattern: String, prefiltered: Bool) throws {
        self.pattern = pattern
        self.regex = try NSRegularExpression(pattern: pattern, options: [])
        self.prefilter = prefiltered ? ShapeAutomaton(pattern: pattern) : nil
    }

    /// Compiles or throws a `config-invalid` error that names the pattern.
    static func compile(_ pattern: String, what: String, at location: SourceLocation, prefiltered: Bool = false) throws(StrataError) -> CompiledRegex {
        do {
            return try CompiledRegex(pattern, prefiltered: prefiltered)
        } catch {
            throw StrataError(.configInvalid, "\(what) '\(pattern)' is not a valid ICU regular expression", at: location)
        }
    }

    public var groupCount: Int { regex.numberOfCaptureGroups }

    /// All matches in `text` as UTF-16 ranges per group (NSNotFound location for unset groups).
    func matches(in text: String) -> [[NSRange]] {
        let ns = text as NSString
        return regex.matches(in: text, options: [], range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0) }
        }
    }

    public func firstMatch(in text: String) -> Bool {
        if let prefilter {
            var t = text
            if !t.withUTF8({ prefilter.mayMatch(in: $0, 0..<$0.count) }) { return false }
        }
        return icuFirstMatch(in: text)
    }

    /// ICU's answer alone (the prefilter's reference in tests).
    func icuFirstMatch(in text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}
