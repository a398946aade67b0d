/// An explicit list of analyzers; `builtin` is the table in `BuiltinAnalyzers.swift`.
public struct AnalyzerRegistry: Sendable {
    public let analyzers: [Analyzer]

    public init(_ analyzers: [Analyzer]) { self.analyzers = analyzers }

    public static let builtin = AnalyzerRegistry(BuiltinAnalyzers.all)

    public func analyzer(id: String) -> Analyzer? { analyzers.first { $0.id == id } }

    /// Analyzers that want this scan-relative path, in table order.
    public func analyzers(for path: String) -> [Analyzer] { analyzers.filter { $0.matches(path: path) } }
}
