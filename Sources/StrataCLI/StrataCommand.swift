import ArgumentParser
import StrataCore

/// `strata`: the root command. Subcommands are listed in one table, as in PRODUCT.md.
struct StrataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Cloud native security in one program: cloud, cluster, container and code.",
        discussion: """
            Examples:
              strata fs .                                   scan a repository
              strata fs . --format sarif --output strata.sarif --fail-on high
              strata convert report.json --format junit     re-render a JSON report
              strata version --format json

            Exit codes: 0 clean or below --fail-on, 1 findings at or above --fail-on,
            2 usage or input error.
            """,
        version: "strata \(StrataVersion.current)",
        subcommands: CommandTable.all
    )
}

/// The subcommand table. Adding a command is a type and a line here.
enum CommandTable {
    static let all: [ParsableCommand.Type] = [
        FSCommand.self,
        RootfsCommand.self,
        ImageCommand.self,
        SBOMCommand.self,
        K8sCommand.self,
        RegoCommand.self,
        DBCommand.self,
        AdmissionCommand.self,
        RuntimeCommand.self,
        ServeCommand.self,
        ConvertCommand.self,
        BenchCommand.self,
        VersionCommand.self,
        CompletionCommand.self,
    ]
}
