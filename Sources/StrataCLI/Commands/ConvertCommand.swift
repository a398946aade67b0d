import ArgumentParser
import Foundation
import StrataCore
import StrataReport
import StrataScan

/// `strata convert report.json --format sarif`: re-render a saved JSON report, applying
/// severity filters, an ignore file and `--fail-on` again (as `trivy convert` does).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Render a saved JSON report in another format.",
        discussion: """
            Examples:
              strata fs . --format json --output report.json
              strata convert report.json --format sarif --output strata.sarif
              strata convert report.json --severity CRITICAL --fail-on critical
            """)

    @Argument(help: "A JSON report written by strata --format json.")
    var report: String

    @OptionGroup var options: ReportOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let resolver = SettingsResolver(environment: environment, file: try ConfigFile.load(explicit: options.config, environment: environment))
        let settings = try ReportSettings(options, resolver: resolver)
        let loaded = try ConvertCommand.load(report)
        let suppressor = Suppressor(
            ignoreFile: try IgnoreFileLocator.load(explicit: settings.ignorefile, root: "."),
            clock: CLIClock.from(environment), readFile: nil)
        let applied = suppressor.apply(loaded.allFindings)
        let result = Report(
            createdAt: loaded.createdAt, artifact: loaded.artifact, findings: applied.kept,
            diagnostics: loaded.diagnostics + applied.diagnostics, suppressed: loaded.suppressed + applied.suppressed)
        try ReportEmitter(settings: settings, environment: environment).emit(result)
    }

    static func load(_ path: String) throws(CLIError) -> Report {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(StrataError(.fileNotFound, "\(path): no such file or not readable"))
        }
        let report: Report
        do {
            report = try JSONWriter.decode(data)
        } catch {
            throw .input(StrataError(.reportInvalid, "\(path): not a strata JSON report (\(ConvertCommand.describe(error)))"))
        }
        guard report.schemaVersion <= Report.currentSchemaVersion else {
            throw .input(StrataError(.reportInvalid, "\(path): SchemaVersion \(report.schemaVersion) is newer than this strata understands (\(Report.currentSchemaVersion))"))
        }
        return report
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx), DecodingError.dataCorrupted(let ctx):
            ctx.codingPath.map(\.stringValue).joined(separator: ".") + ": " + ctx.debugDescription
        default: "\(error)"
        }
    }
}
