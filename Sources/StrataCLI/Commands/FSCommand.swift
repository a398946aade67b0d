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
    @OptionGroup var tree: TreeScanFlags

    func run() throws {
        try TreeScan(report: report, walk: walk, tree: tree).run(
            path: path, kind: .filesystem, command: "fs", defaultScanners: ["vuln", "misconfig", "secret"])
    }
}
