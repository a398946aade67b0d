#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StrataCore
import StrataReport

/// Filters a report by severity, renders it, writes it to stdout or `--output`, and decides
/// the exit: `--fail-on` counts what was reported, after suppressions.
struct ReportEmitter {
    let settings: ReportSettings
    let environment: [String: String]

    func emit(_ report: Report) throws(CLIError) {
        let shown = filtered(report)
        let toTerminal = settings.output == nil && isatty(STDOUT_FILENO) == 1
        let color = toTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true
        let text: String
        do {
            text = try settings.writer.render(shown, options: RenderOptions(color: color, severities: settings.severities))
        } catch {
            throw .input(StrataError(.io, "cannot render \(settings.writer.id) report: \(error)"))
        }
        try write(text)
        if !settings.quiet, !shown.diagnostics.isEmpty, settings.writer.id != "table" || settings.output != nil {
            Stderr.line("strata: \(shown.diagnostics.count) input(s) could not be fully scanned; see Diagnostics in the report")
        }
        if let threshold = settings.failOn {
            let count = shown.allFindings.filter { $0.severity >= threshold }.count
            if count > 0 { throw .findingsAtThreshold(count: count, threshold: threshold) }
        }
    }

    func filtered(_ report: Report) -> Report {
        var copy = report
        let keep = Set(settings.severities)
        copy.results = report.results.map {
            TargetResult(target: $0.target, findings: $0.findings.filter { keep.contains($0.severity) }, packages: $0.packages)
        }
        copy.suppressed = report.suppressed.filter { keep.contains($0.finding.severity) }
        return copy
    }

    func write(_ text: String) throws(CLIError) {
        guard let path = settings.output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .input(StrataError(.io, "cannot write \(path): \(error.localizedDescription)"))
        }
    }
}

/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention) pins report timestamps.
enum CLIClock {
    static func from(_ environment: [String: String]) -> any Clock {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) {
            return FixedClock(Date(timeIntervalSince1970: seconds))
        }
        return SystemClock()
    }
}
