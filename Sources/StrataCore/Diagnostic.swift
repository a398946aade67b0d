/// Something a scan could not do for one input — a file it could not read or parse, a limit it
/// hit. Diagnostics are reported beside findings; they never abort the scan.
public struct Diagnostic: Codable, Sendable, Hashable, Comparable {
    public enum Level: String, Codable, Sendable { case warning, error }

    public var level: Level
    public var code: StrataError.Code
    public var location: SourceLocation
    public var reason: String

    public init(level: Level = .error, code: StrataError.Code, location: SourceLocation, reason: String) {
        self.level = level
        self.code = code
        self.location = location
        self.reason = reason
    }

    public init(_ error: StrataError, path: String, level: Level = .error) {
        self.init(level: level, code: error.code, location: error.location ?? SourceLocation(path: path), reason: error.reason)
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        return (a.code.rawValue, a.reason) < (b.code.rawValue, b.reason)
    }

    enum CodingKeys: String, CodingKey { case level = "Level", code = "Code", location = "Location", reason = "Reason" }
}
