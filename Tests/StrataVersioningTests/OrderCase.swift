import Foundation
import StrataVersioning
import Testing

/// One hand-written expectation: `lhs op rhs` with op one of `<`, `=`, `>`.
struct OrderCase: Sendable, CustomStringConvertible {
    let lhs: String
    let op: String
    let rhs: String

    init(_ lhs: String, _ op: String, _ rhs: String) {
        self.lhs = lhs
        self.op = op
        self.rhs = rhs
    }

    var description: String { "\(lhs) \(op) \(rhs)" }

    var expected: ComparisonResult {
        switch op {
        case "<": return .orderedAscending
        case ">": return .orderedDescending
        default: return .orderedSame
        }
    }

    var reversed: ComparisonResult {
        switch expected {
        case .orderedAscending: return .orderedDescending
        case .orderedDescending: return .orderedAscending
        case .orderedSame: return .orderedSame
        }
    }

    /// Checks the case both ways round with the scheme `id`.
    func check(scheme id: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scheme = try #require(VersionSchemes.scheme(id: id), sourceLocation: sourceLocation)
        #expect(try scheme.compare(lhs, rhs) == expected, "\(self)", sourceLocation: sourceLocation)
        #expect(try scheme.compare(rhs, lhs) == reversed, "\(self) reversed", sourceLocation: sourceLocation)
    }
}

/// An input the scheme must reject, with the stable code it must report.
struct RejectCase: Sendable, CustomStringConvertible {
    let input: String
    let code: VersionParseError.Code

    init(_ input: String, _ code: VersionParseError.Code) {
        self.input = input
        self.code = code
    }

    var description: String { "\"\(input)\" → \(code.rawValue)" }

    func check(scheme id: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scheme = try #require(VersionSchemes.scheme(id: id), sourceLocation: sourceLocation)
        do {
            try scheme.validate(input)
            Issue.record("\(input) was accepted by \(id)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(self): got \(error.code.rawValue)", sourceLocation: sourceLocation)
            #expect(error.scheme == id, sourceLocation: sourceLocation)
        }
    }
}
