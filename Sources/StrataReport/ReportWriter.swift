import StrataCore

/// Renders a report in one output format.
public protocol ReportWriter: Sendable {
    /// The `--format` name.
    var id: String { get }
    var summary: String { get }
    func render(_ report: Report, options: RenderOptions) throws -> String
}

public struct RenderOptions: Sendable {
    /// ANSI colour (only on a terminal, never with NO_COLOR; the CLI decides).
    public var color: Bool
    /// Severities to show; findings outside are dropped by the CLI before rendering, this only
    /// shapes the table's summary line.
    public var severities: [Severity]

    public init(color: Bool = false, severities: [Severity] = Severity.descending) {
        self.color = color
        self.severities = severities
    }
}

/// The table of output formats. Adding one is a file with a `ReportWriter` and a line here.
public enum ReportFormats {
    public static let all: [any ReportWriter] = [
        TableWriter(),
        JSONWriter(),
        SARIFWriter(),
        JUnitWriter(),
    ]

    public static var ids: [String] { all.map(\.id) }

    public static func writer(for id: String) throws(StrataError) -> any ReportWriter {
        guard let w = all.first(where: { $0.id == id.lowercased() }) else {
            throw StrataError(.unknownFormat, "unknown format '\(id)'; choose one of: \(ids.joined(separator: ", "))")
        }
        return w
    }
}
