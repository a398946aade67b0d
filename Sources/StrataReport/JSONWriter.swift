import Foundation
import StrataCore

/// The versioned JSON report (docs/json-report.md): the `Report` model as is, keys sorted so
/// the output is byte-for-byte stable.
public struct JSONWriter: ReportWriter {
    public let id = "json"
    public let summary = "versioned JSON report (SchemaVersion 1)"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) throws -> String {
        String(decoding: try JSONWriter.encoder.encode(report), as: UTF8.self) + "\n"
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    public static func decode(_ data: Data) throws -> Report {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return try d.decode(Report.self, from: data)
    }
}
