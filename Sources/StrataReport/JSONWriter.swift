import Foundation
import StrataCore

/// The versioned JSON report (docs/json-report.md): the `Report` model as is, keys sorted so
/// the output is byte-for-byte stable.
public struct JSONWriter: ReportWriter {
    public let id = "json"
    public let summary = "versioned JSON report (SchemaVersion 1)"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) throws -> String {
        String(decoding: try JSONWriter.encode(report), as: UTF8.self) + "\n"
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    /// The report's JSON, the same bytes as `encoder.encode(report)`. A report with thousands of
    /// results spent most of a second encoding on one core after a parallel scan, so the
    /// `Results` and `Suppressed` arrays are encoded in chunks on all cores and spliced into the
    /// rest (`JSONSplice`).
    static func encode(_ report: Report, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                       chunk: Int = 256) throws -> [UInt8] {
        guard concurrency > 1, report.results.count + report.suppressed.count > chunk else {
            return Array(try encoder.encode(report))
        }
        var skeleton = report
        skeleton.results = []
        skeleton.suppressed = []
        let fills = [
            (key: "Results", chunks: try encodeChunks(report.results, concurrency, chunk)),
            (key: "Suppressed", chunks: try encodeChunks(report.suppressed, concurrency, chunk)),
        ]
        do {
            return try JSONSplice.fill(fills, in: Array(try encoder.encode(skeleton)))
        } catch is JSONSplice.Error {
            // An encoder that prints empty arrays differently: the plain encoding, on one core.
            return Array(try encoder.encode(report))
        }
    }

    private static func encodeChunks<T: Encodable & Sendable>(_ items: [T], _ concurrency: Int, _ size: Int) throws -> [[UInt8]] {
        let chunks = stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
        let encoded = ParallelMap.run(chunks, concurrency: concurrency) { chunk in
            Result { JSONSplice.elements(ofArray: Array(try encoder.encode(chunk))) }
        }
        return try encoded.map { try $0.get() }
    }

    public static func decode(_ data: Data) throws -> Report {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return try d.decode(Report.self, from: data)
    }
}
