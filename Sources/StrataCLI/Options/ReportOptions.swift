import ArgumentParser

/// Flags every command that writes a report shares. All optional: an unset flag falls back to
/// the environment (`STRATA_*`), then the config file, then the default.
struct ReportOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .long], help: "Output format: table, json, sarif, junit.")
    var format: String?

    @Option(name: [.customShort("o"), .long], help: "Write the report to FILE instead of stdout.")
    var output: String?

    @Option(name: [.customShort("s"), .long], help: "Severities to report, comma-separated (e.g. CRITICAL,HIGH).")
    var severity: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity.")
    var failOn: String?

    @Option(name: .long, help: "Ignore file (default: .strataignore in the working directory or scan root).")
    var ignorefile: String?

    @Option(name: [.customShort("c"), .long], help: "Config file (default: strata.yaml in the working directory).")
    var config: String?

    @Flag(name: [.customShort("q"), .long], help: "Print only the report; no notices or progress.")
    var quiet = false

    @Flag(name: .customLong("no-progress"), help: "Never draw progress on stderr.")
    var noProgress = false

    @Flag(name: .long, help: "Never touch the network.")
    var offline = false
}

/// Flags of commands that walk a filesystem.
struct WalkFlags: ParsableArguments {
    @Option(name: .long, help: "Scanners to run, comma-separated: vuln, misconfig, secret, license.")
    var scanners: String?

    @Option(name: .customLong("skip-dirs"), help: "Directory globs to skip, comma-separated (repeatable).")
    var skipDirs: [String] = []

    @Option(name: .customLong("skip-files"), help: "File globs to skip, comma-separated (repeatable).")
    var skipFiles: [String] = []

    @Flag(name: .long, help: "Skip what .gitignore files ignore.")
    var gitignore = false

    @Option(name: .customLong("max-file-size"), help: "Largest file to read, in bytes (suffixes K, M, G).")
    var maxFileSize: String?
}
