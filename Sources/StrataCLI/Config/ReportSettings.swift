import Foundation
import StrataCore
import StrataReport

/// Report settings after precedence is applied and every value is validated.
struct ReportSettings {
    var writer: any ReportWriter
    var output: String?
    var severities: [Severity]
    var failOn: Severity?
    var ignorefile: String?
    var quiet: Bool
    var progress: Bool
    var offline: Bool

    init(_ flags: ReportOptions, resolver: SettingsResolver) throws(CLIError) {
        do {
            writer = try ReportFormats.writer(for: resolver.string("format", flag: flags.format) ?? "table")
        } catch {
            throw .usage(error.reason, hint: "--format takes one of: \(ReportFormats.ids.joined(separator: ", "))")
        }
        output = resolver.string("output", flag: flags.output)
        severities = try ReportSettings.severities(resolver.string("severity", flag: flags.severity))
        failOn = try resolver.string("fail-on", flag: flags.failOn).map(ReportSettings.severity)
        ignorefile = resolver.string("ignorefile", flag: flags.ignorefile)
        do {
            quiet = try resolver.bool("quiet", flag: flags.quiet)
            progress = try !resolver.bool("no-progress", flag: flags.noProgress)
            offline = try resolver.bool("offline", flag: flags.offline)
        } catch {
            throw .input(error)
        }
    }

    static func severity(_ text: String) throws(CLIError) -> Severity {
        guard let s = Severity(parsing: text) else {
            throw .usage("unknown severity '\(text)'", hint: "use one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN")
        }
        return s
    }

    static func severities(_ text: String?) throws(CLIError) -> [Severity] {
        guard let text else { return Severity.descending }
        var out: [Severity] = []
        for part in text.split(separator: ",") { out.append(try severity(String(part))) }
        return out.isEmpty ? Severity.descending : out
    }
}
