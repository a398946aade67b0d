import StrataCore

/// Human output: one table per target with severity counts, each finding's reason and fix
/// below it, then diagnostics and what was suppressed.
public struct TableWriter: ReportWriter {
    public let id = "table"
    public let summary = "tables per target for people (default)"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) throws -> String {
        var out = ANSI.bold("strata \(report.tool.version) — \(report.artifact.kind.rawValue): \(report.artifact.name)", enabled: options.color) + "\n"
        let findings = report.allFindings
        out += "\n" + totals(findings, label: "Total", options: options) + "\n"
        if findings.isEmpty { out += "\nNo findings.\n" }
        for result in report.results where !result.findings.isEmpty {
            out += "\n" + section(result, options: options)
        }
        out += diagnosticsSection(report.diagnostics)
        if !report.suppressed.isEmpty {
            out += "\nSuppressed: \(report.suppressed.count) finding(s) by ignore file, inline comment or baseline (details in --format json).\n"
        }
        return out
    }

    func totals(_ findings: [Finding], label: String, options: RenderOptions) -> String {
        let counts = Severity.descending.map { s in
            ANSI.paint("\(s.rawValue): \(findings.filter { $0.severity == s }.count)", s, enabled: options.color)
        }
        return "\(label): \(findings.count) (\(counts.joined(separator: ", ")))"
    }

    func section(_ result: TargetResult, options: RenderOptions) -> String {
        var out = result.target + "\n" + String(repeating: "=", count: max(result.target.count, 3)) + "\n"
        out += totals(result.findings, label: "Total", options: options) + "\n\n"
        let rows = result.findings.map { f in
            [f.severity.rawValue, f.ruleID, lines(f), resource(f), TableWriter.clip(f.title, 60)]
        }
        out += TextTable(header: ["Severity", "ID", "Lines", "Resource", "Title"], rows: rows)
            .render { row, col, text in col == 0 ? ANSI.paint(text, result.findings[row].severity, enabled: options.color) : text }
        for f in result.findings {
            out += "\n" + ANSI.paint(f.severity.rawValue, f.severity, enabled: options.color) + " \(f.ruleID) at \(f.location?.description ?? f.target)\n"
            out += "  \(f.message)\n"
            if let fix = f.remediation { out += "  Fix: \(fix)\n" }
            if let ref = f.references.first { out += "  See: \(ref)\n" }
        }
        return out
    }

    func lines(_ f: Finding) -> String {
        guard let s = f.location?.startLine else { return "-" }
        if let e = f.location?.endLine, e != s { return "\(s)-\(e)" }
        return "\(s)"
    }

    func resource(_ f: Finding) -> String {
        if let p = f.package {
            let fixed = p.fixedVersions.isEmpty ? "" : " → \(p.fixedVersions.joined(separator: ", "))"
            return "\(p.name) \(p.installedVersion)\(fixed)"
        }
        let s = f.resource?.summary ?? ""
        return s.isEmpty ? "-" : TableWriter.clip(s, 40)
    }

    func diagnosticsSection(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = "\nDiagnostics: \(diagnostics.count) input(s) could not be fully scanned\n"
        for d in diagnostics { out += "  \(d.level.rawValue): \(d.location.description): \(d.reason) [\(d.code.rawValue)]\n" }
        return out
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let flat = s.replacingOccurrencesOfNewlines()
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}

extension String {
    func replacingOccurrencesOfNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
