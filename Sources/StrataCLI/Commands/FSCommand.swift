import ArgumentParser
import Foundation
import StrataArtifact
import StrataCore
import StrataScan

/// `strata fs PATH`: one walk of a directory or repository, every selected scanner on it.
struct FSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fs",
        abstract: "Scan a directory or repository: lock files, IaC, secrets.",
        discussion: """
            Examples:
              strata fs .
              strata fs . --format sarif --output strata.sarif --fail-on high
              strata fs . --scanners secret --skip-dirs vendor,node_modules --gitignore
              strata fs deploy/ --severity CRITICAL,HIGH --format json

            Suppress findings with a .strataignore file (ID [path:GLOB] [exp:YYYY-MM-DD] # reason)
            or an inline comment '# strata:ignore:ID reason' on or above the line.

            Secrets (docs/secrets.md):
              --secret-config FILE   add or disable rules, widen the allowlist
              --git-history          also scan every blob in the repository's history
              --baseline FILE        hide the findings of a previous JSON report or fingerprint list

            Vulnerabilities (docs/vulndb.md): lock files and package metadata matched against the
            local database (strata db import / update; --cache-dir); --ignore-unfixed.
            """
    )

    @Argument(help: "Directory or file to scan.")
    var path: String

    @OptionGroup var report: ReportOptions
    @OptionGroup var walk: WalkFlags

    @Option(name: .customLong("secret-config"), help: "Secret rule file: add or disable rules, allowlist paths and regexes.")
    var secretConfig: String?

    @Flag(name: .customLong("git-history"), help: "Also scan every blob reachable from any ref of the git repository at PATH.")
    var gitHistory = false

    @Option(name: .long, help: "Previous JSON report or fingerprint list; matching findings are reported as suppressed.")
    var baseline: String?

    @Flag(name: .customLong("ignore-unfixed"), help: "Report only vulnerabilities that have a fixed version.")
    var ignoreUnfixed = false

    @OptionGroup var database: DBLocation

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let resolver = SettingsResolver(environment: environment, file: try ConfigFile.load(explicit: report.config, environment: environment))
        let settings = try ReportSettings(report, resolver: resolver)
        let scan = try ScanSettings(walk, resolver: resolver, defaultScanners: ["vuln", "misconfig", "secret"])
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.usage("\(path): no such file or directory", hint: "strata fs takes the directory or file to scan")
        }
        let clock = CLIClock.from(environment)
        let scanners = try ScanSettingsSelection.scanners(scan.scanners, quiet: settings.quiet)
        let runner = ScanRunner(scanners: scanners, walker: FileWalker(options: scan.walkOptions))
        var scannerSettings = try secretSettings(resolver)
        scannerSettings["vuln"] = try vulnSettings(resolver, explicit: walk.scanners != nil || resolver.string("scanners", flag: nil) != nil)
        let context = ScanContext(root: path, clock: clock, settings: scannerSettings)
        let progress: ProgressSink? = settings.progress && !settings.quiet && isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
        let outcome = try runner.run(root: path, context: context, progress: progress)
        let suppressor = Suppressor(
            ignoreFile: try IgnoreFileLocator.load(explicit: settings.ignorefile, root: path),
            clock: clock, readFile: IgnoreFileLocator.reader(root: path, files: outcome.files))
        var applied = suppressor.apply(outcome.findings)
        if let baseline = try loadBaseline(resolver) { applied = baseline.apply(applied) }
        let result = Report(
            createdAt: clock.now(), artifact: Artifact(name: path, kind: .filesystem), findings: applied.kept,
            diagnostics: outcome.diagnostics + applied.diagnostics, suppressed: applied.suppressed)
        try ReportEmitter(settings: settings, environment: environment).emit(result)
    }

    func secretSettings(_ resolver: SettingsResolver) throws(CLIError) -> [String: [String: String]] {
        var secret: [String: String] = [:]
        if let config = resolver.string("secret-config", flag: secretConfig) {
            guard FileManager.default.fileExists(atPath: config) else {
                throw .input(StrataError(.fileNotFound, "secret config \(config) does not exist"))
            }
            secret["config"] = config
        }
        let history: Bool
        do { history = try resolver.bool("git-history", flag: gitHistory) } catch { throw .input(error) }
        if history { secret["git-history"] = "true" }
        return secret.isEmpty ? [:] : ["secret": secret]
    }

    /// A database that is missing is an error when `vuln` was asked for by name, a notice otherwise.
    func vulnSettings(_ resolver: SettingsResolver, explicit: Bool) throws(CLIError) -> [String: String] {
        var vuln = ["db": database.databasePath, "required": explicit ? "true" : "false"]
        let unfixed: Bool
        do { unfixed = try resolver.bool("ignore-unfixed", flag: ignoreUnfixed) } catch { throw .input(error) }
        if unfixed { vuln["ignore-unfixed"] = "true" }
        return vuln
    }

    func loadBaseline(_ resolver: SettingsResolver) throws(CLIError) -> Baseline? {
        guard let file = resolver.string("baseline", flag: baseline) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .input(StrataError(.fileNotFound, "baseline \(file) does not exist or cannot be read"))
        }
        do { return try Baseline(path: file, bytes: [UInt8](data)) } catch { throw .input(error) }
    }
}
