import ArgumentParser
import Foundation
import StrataArtifact
import StrataCore
import StrataScan

/// Flags of the commands that scan a tree of files (`fs`, `rootfs`).
struct TreeScanFlags: ParsableArguments {
    @Option(name: .customLong("secret-config"), help: "Secret rule file: add or disable rules, allowlist paths and regexes.")
    var secretConfig: String?

    @Flag(name: .customLong("git-history"), help: "Also scan every blob reachable from any ref of the git repository at PATH.")
    var gitHistory = false

    @Option(name: .long, help: "Previous JSON report or fingerprint list; matching findings are reported as suppressed.")
    var baseline: String?

    @Flag(name: .customLong("ignore-unfixed"), help: "Report only vulnerabilities that have a fixed version.")
    var ignoreUnfixed = false

    @Flag(name: .customLong("list-all-pkgs"), help: "List every package found, vulnerable or not (JSON report).")
    var listAllPackages = false

    @Option(name: .customLong("pkg-types"), help: "Package types to scan for vulnerabilities: os, library (comma-separated).")
    var packageTypes: String?

    @OptionGroup var database: DBLocation
}

/// One tree scan from flags to report: settings, the scanners, one walk, suppressions,
/// baseline, the report and the exit code.
struct TreeScan {
    let report: ReportOptions
    let walk: WalkFlags
    let tree: TreeScanFlags

    /// What every scan resolves before it looks at anything: settings in precedence order, the
    /// walk, the scanners and their settings. `rootFilesystem` is `rootfs` and `image`: OS
    /// packages, and the walk of a whole system.
    struct Setup {
        let environment: [String: String]
        let resolver: SettingsResolver
        let settings: ReportSettings
        let walkOptions: WalkOptions
        let clock: any Clock
        let scanners: [any StrataScanner]
        let scannerSettings: [String: [String: String]]
    }

    func setup(defaultScanners: [String], rootFilesystem: Bool, checkPath: () throws -> Void) throws -> Setup {
        let environment = ProcessInfo.processInfo.environment
        let resolver = SettingsResolver(environment: environment, file: try ConfigFile.load(explicit: report.config, environment: environment))
        let settings = try ReportSettings(report, resolver: resolver)
        var scan = try ScanSettings(walk, resolver: resolver, defaultScanners: defaultScanners)
        try checkPath()
        if rootFilesystem { scan.walkOptions.walkAsRootFilesystem() }
        let scanners = try ScanSettingsSelection.scanners(scan.scanners, quiet: settings.quiet)
        var scannerSettings = try secretSettings(resolver)
        var vuln = try vulnSettings(resolver, explicit: walk.scanners != nil || resolver.string("scanners", flag: nil) != nil)
        if rootFilesystem { vuln["os"] = "true" }
        scannerSettings["vuln"] = vuln
        return Setup(environment: environment, resolver: resolver, settings: settings, walkOptions: scan.walkOptions,
                     clock: CLIClock.from(environment), scanners: scanners, scannerSettings: scannerSettings)
    }

    func run(path: String, kind: Artifact.Kind, command: String, defaultScanners: [String], osPackages: Bool = false) throws {
        let setup = try setup(defaultScanners: defaultScanners, rootFilesystem: osPackages) {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError.usage("\(path): no such file or directory", hint: "strata \(command) takes the directory to scan")
            }
        }
        let runner = ScanRunner(scanners: setup.scanners, walker: FileWalker(options: setup.walkOptions))
        let context = ScanContext(root: path, clock: setup.clock, settings: setup.scannerSettings)
        let settings = setup.settings
        let progress: ProgressSink? = settings.progress && !settings.quiet && isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
        let outcome = try runner.run(root: path, context: context, progress: progress)
        try emit(outcome, artifact: Artifact(name: path, kind: kind), setup: setup, ignoreRoot: path,
                 readFile: IgnoreFileLocator.reader(root: path, files: outcome.files))
    }

    /// Suppressions, baseline, report, exit code: the same for every scan.
    func emit(_ outcome: ScanRunner.Outcome, artifact: Artifact, setup: Setup, ignoreRoot: String,
              readFile: (@Sendable (String) -> [UInt8]?)?) throws {
        let suppressor = Suppressor(
            ignoreFile: try IgnoreFileLocator.load(explicit: setup.settings.ignorefile, root: ignoreRoot),
            clock: setup.clock, readFile: readFile)
        var applied = suppressor.apply(outcome.findings, known: outcome.inlineComments)
        if let baseline = try loadBaseline(setup.resolver) { applied = baseline.apply(applied) }
        let result = Report(
            createdAt: setup.clock.now(), artifact: artifact, findings: applied.kept,
            diagnostics: outcome.diagnostics + applied.diagnostics, suppressed: applied.suppressed,
            packages: outcome.packages)
        try ReportEmitter(settings: setup.settings, environment: setup.environment).emit(result)
    }

    func secretSettings(_ resolver: SettingsResolver) throws(CLIError) -> [String: [String: String]] {
        var secret: [String: String] = [:]
        if let config = resolver.string("secret-config", flag: tree.secretConfig) {
            guard FileManager.default.fileExists(atPath: config) else {
                throw .input(StrataError(.fileNotFound, "secret config \(config) does not exist"))
            }
            secret["config"] = config
        }
        let history: Bool
        do { history = try resolver.bool("git-history", flag: tree.gitHistory) } catch { throw .input(error) }
        if history { secret["git-history"] = "true" }
        return secret.isEmpty ? [:] : ["secret": secret]
    }

    /// A database that is missing is an error when `vuln` was asked for by name, a notice otherwise.
    func vulnSettings(_ resolver: SettingsResolver, explicit: Bool) throws(CLIError) -> [String: String] {
        var vuln = ["db": tree.database.databasePath, "required": explicit ? "true" : "false"]
        let unfixed: Bool
        do { unfixed = try resolver.bool("ignore-unfixed", flag: tree.ignoreUnfixed) } catch { throw .input(error) }
        if unfixed { vuln["ignore-unfixed"] = "true" }
        let list: Bool
        do { list = try resolver.bool("list-all-pkgs", flag: tree.listAllPackages) } catch { throw .input(error) }
        if list { vuln["list-packages"] = "true" }
        let types = resolver.list("pkg-types", flags: tree.packageTypes.map { [$0] } ?? []) ?? ["os", "library"]
        if let bad = types.first(where: { $0 != "os" && $0 != "library" }) {
            throw .usage("unknown package type '\(bad)'", hint: "--pkg-types takes os, library or both")
        }
        vuln["pkg-types"] = types.joined(separator: ",")
        return vuln
    }

    func loadBaseline(_ resolver: SettingsResolver) throws(CLIError) -> Baseline? {
        guard let file = resolver.string("baseline", flag: tree.baseline) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .input(StrataError(.fileNotFound, "baseline \(file) does not exist or cannot be read"))
        }
        do { return try Baseline(path: file, bytes: [UInt8](data)) } catch { throw .input(error) }
    }
}
