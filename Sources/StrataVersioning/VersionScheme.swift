import Foundation

/// A version type of one scheme, parsed from a string and totally ordered.
public protocol ParsableVersion: Comparable, Sendable, CustomStringConvertible {
    /// The id of the scheme this type implements (`debian`, `pep440`, …).
    static var schemeID: String { get }
    /// Parses `text`, throwing a ``VersionParseError`` for anything the scheme rejects.
    init(parsing text: String) throws(VersionParseError)
}

/// The ordering of one ecosystem's version strings.
public protocol VersionScheme: Sendable {
    /// A stable id (`debian`, `rpm`, `apk`, `pep440`, …).
    var id: String { get }
    /// Throws if `text` is not a version of this scheme.
    func validate(_ text: String) throws(VersionParseError)
    /// Orders two version strings of this scheme.
    func compare(_ lhs: String, _ rhs: String) throws(VersionParseError) -> ComparisonResult
}

/// A ``VersionScheme`` backed by a ``ParsableVersion`` type.
public struct ParsedVersionScheme<Version: ParsableVersion>: VersionScheme {
    public init() {}

    public var id: String { Version.schemeID }

    public func validate(_ text: String) throws(VersionParseError) {
        _ = try Version(parsing: text)
    }

    public func compare(_ lhs: String, _ rhs: String) throws(VersionParseError) -> ComparisonResult {
        let left = try Version(parsing: lhs)
        let right = try Version(parsing: rhs)
        if left < right { return .orderedAscending }
        if right < left { return .orderedDescending }
        return .orderedSame
    }
}
