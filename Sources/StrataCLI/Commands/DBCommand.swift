import ArgumentParser
import Foundation
import StrataCore
import StrataReport
import StrataVulnDB

/// `strata db import|update|info`: the local vulnerability database.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "The local vulnerability database (OSV, CISA KEV, EPSS).",
        subcommands: [DBImport.self, DBUpdate.self, DBInfo.self])
}

/// Where the database lives: `--cache-dir`, `STRATA_CACHE_DIR`, `$XDG_CACHE_HOME/strata`, `~/.cache/strata`.
struct DBLocation: ParsableArguments {
    @Option(name: .customLong("cache-dir"), help: "Cache directory; the database is <dir>/db/strata.db.")
    var cacheDir: String?

    var directory: String {
        let env = ProcessInfo.processInfo.environment
        if let cacheDir { return cacheDir }
        if let dir = env["STRATA_CACHE_DIR"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/strata" }
        return (env["HOME"] ?? NSTemporaryDirectory()) + "/.cache/strata"
    }

    var databasePath: String { directory + "/db/strata.db" }
}

struct DBImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import OSV exports (zip or JSON), the CISA KEV catalog (JSON) or EPSS scores (CSV).",
        discussion: """
            Examples:
              strata db import osv/PyPI.zip osv/Go.zip known_exploited_vulnerabilities.json
              strata db import --cache-dir /var/cache/strata epss_scores.csv

            Imports are idempotent: importing the same export again replaces its advisories.
            A bad entry inside an archive is reported and skipped; the rest is imported.
            """)

    @Argument(help: "Files to import.")
    var files: [String]

    @OptionGroup var location: DBLocation

    @Flag(name: [.customShort("q"), .long], help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        guard !files.isEmpty else { throw CLIError.usage("no files to import", hint: "strata db import FILE…") }
        let store = try VulnStore(path: location.databasePath)
        let importer = VulnImporter(store: store, clock: CLIClock.from(ProcessInfo.processInfo.environment))
        var failed = false
        for file in files {
            let start = Date()
            do {
                let s = try importer.importFile(file)
                for d in s.diagnostics { Stderr.line("\(d.level.rawValue): \(d.location.description): \(d.reason) [\(d.code.rawValue)]") }
                if !quiet {
                    let took = String(format: "%.2f", Date().timeIntervalSince(start))
                    print("imported \(file): \(s.records) \(s.kind) record(s), \(s.withdrawn) withdrawn, \(s.diagnostics.count) skipped, \(took) s")
                }
            } catch {
                Stderr.line("strata db import: \(error.description) [\(error.code.rawValue)]")
                failed = true
            }
        }
        if failed { throw CLIError.quietFailure(code: ExitCode.usage) }
    }
}

struct DBInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the database's sources, counts and dates.")

    @OptionGroup var location: DBLocation

    @Option(name: [.customShort("f"), .long], help: "text or json.")
    var format = "text"

    func run() throws {
        guard format == "text" || format == "json" else { throw CLIError.usage("unknown format '\(format)'", hint: "use text or json") }
        let info = try VulnStore.openExisting(path: location.databasePath).info()
        print(format == "json" ? DBInfoRendering.json(info, path: location.databasePath) : DBInfoRendering.text(info, path: location.databasePath))
    }
}

enum DBInfoRendering {
    static func text(_ i: VulnDBInfo, path: String) -> String {
        var out = "database: \(path) (schema \(i.schemaVersion))\n"
        out += "advisories: \(i.advisories) (\(i.withdrawn) withdrawn)\n"
        for (eco, n) in i.advisoriesByEcosystem.sorted(by: { $0.key < $1.key }) { out += "  \(eco): \(n)\n" }
        out += "CISA KEV entries: \(i.kevEntries)\nEPSS scores: \(i.epssScores)\nsources:\n"
        for s in i.sources { out += "  \(s.kind) \(s.name): \(s.records) record(s), imported \(s.importedAt), sha256 \(s.sha256.prefix(16))…\n" }
        out += "\n" + attribution
        return out
    }

    static func json(_ i: VulnDBInfo, path: String) -> String {
        let doc: JSONValue = [
            "Path": .string(path),
            "SchemaVersion": .string(i.schemaVersion),
            "Advisories": .int(i.advisories),
            "Withdrawn": .int(i.withdrawn),
            "AdvisoriesByEcosystem": .object(i.advisoriesByEcosystem.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }),
            "KEVEntries": .int(i.kevEntries),
            "EPSSScores": .int(i.epssScores),
            "Sources": .array(i.sources.map { s in
                ["Name": .string(s.name), "Kind": .string(s.kind), "ImportedAt": .string(s.importedAt), "Records": .int(s.records), "SHA256": .string(s.sha256)]
            }),
        ]
        return doc.serialized()
    }

    /// CC-BY-4.0 sources require attribution wherever the data is redistributed or shown.
    static let attribution = """
        Advisory data: OSV exports of their publishers, e.g. the PyPI Advisory Database (PyPA, CC-BY-4.0),
        the Go Vulnerability Database (The Go Authors, CC-BY-4.0), the RustSec Advisory Database (CC0-1.0);
        CISA Known Exploited Vulnerabilities (CC0-1.0). https://creativecommons.org/licenses/by/4.0/
        """
}

struct DBUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Download a published database (or an OSV zip) when it changed.",
        discussion: """
            Examples:
              strata db update --db-repository https://mirror.example/strata/strata.db
              STRATA_DB_REPOSITORY=https://mirror.example/osv/PyPI.zip strata db update

            Sends If-None-Match / If-Modified-Since from the last update; swaps the new database in
            only when it is complete and opens. Never runs with --offline.
            """)

    @Option(name: .customLong("db-repository"), help: "URL of a Strata database file or an OSV zip.")
    var repository: String?

    @Flag(help: "Refuse: updating needs the network.")
    var offline = false

    @OptionGroup var location: DBLocation

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let offline = self.offline || ["1", "true", "yes"].contains(env["STRATA_OFFLINE"]?.lowercased() ?? "")
        guard !offline else { throw CLIError.usage("db update needs the network and --offline is set", hint: "import files instead: strata db import FILE…") }
        guard let text = repository ?? env["STRATA_DB_REPOSITORY"], let url = URL(string: text), url.scheme != nil else {
            throw CLIError.usage("no database URL", hint: "give --db-repository URL or set STRATA_DB_REPOSITORY")
        }
        switch try DBUpdater(databasePath: location.databasePath, clock: CLIClock.from(env)).update(from: url) {
        case .upToDate: print("database is up to date (\(location.databasePath))")
        case .replaced(let bytes): print("database replaced: \(bytes) bytes from \(text)")
        case .imported(let records): print("imported \(records) advisories from \(text)")
        }
    }
}
