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
            """
    )

    @Argument(help: "Directory or file to scan.")
    var path: String

    @OptionGroup var report: ReportOptions
    @OptionGroup var walk: WalkFlags

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
        let context = ScanContext(root: path, clock: clock)
        let progress: ProgressSink? = settings.progress && !settings.quiet && isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
        let outcome = try runner.run(root: path, context: context, progress: progress)
        let suppressor = Suppressor(
            ignoreFile: try IgnoreFileLocator.load(explicit: settings.ignorefile, root: path),
            clock: clock, readFile: IgnoreFileLocator.reader(root: path, files: outcome.files))
        let applied = suppressor.apply(outcome.findings)
        let result = Report(
            createdAt: clock.now(), artifact: Artifact(name: path, kind: .filesystem), findings: applied.kept,
            diagnostics: outcome.diagnostics + applied.diagnostics, suppressed: applied.suppressed)
        try ReportEmitter(settings: settings, environment: environment).emit(result)
    }
}
