import Foundation
import StrataCore

/// An ICU regular expression compiled once. NSRegularExpression is immutable after creation and
/// documented as safe to use from several threads at once.
public struct CompiledRegex: @unchecked Sendable {
    public let pattern: String
    let regex: NSRegularExpression

    public init(_ pattern: String) throws {
        self.pattern = pattern
        self.regex = try NSRegularExpression(pattern: pattern, options: [])
    }

    /// Compiles or throws a `config-invalid` error that names the pattern.
    static func compile(_ pattern: String, what: String, at location: SourceLocation) throws(StrataError) -> CompiledRegex {
        do {
            return try CompiledRegex(pattern)
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
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}
