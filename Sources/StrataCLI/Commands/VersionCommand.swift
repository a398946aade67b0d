import ArgumentParser
import StrataCore
import StrataReport

/// `strata version [--format json]`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    @Option(name: [.customShort("f"), .long], help: "text or json.")
    var format = "text"

    func run() throws {
        switch format {
        case "text":
            print("strata \(StrataVersion.current)")
            print("report schema: \(Report.currentSchemaVersion)")
        case "json":
            let doc: JSONValue = [
                "Version": .string(StrataVersion.current),
                "ReportSchemaVersion": .int(Report.currentSchemaVersion),
                "Formats": .array(ReportFormats.ids.map { .string($0) }),
            ]
            print(doc.serialized())
        default:
            throw CLIError.usage("unknown format '\(format)'", hint: "strata version takes --format text or json")
        }
    }
}

/// `strata completion bash|zsh|fish`: the shell completion script.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion", abstract: "Print a shell completion script.",
        discussion: "Example: strata completion bash > /etc/bash_completion.d/strata")

    @Argument(help: "bash, zsh or fish.")
    var shell: String

    func run() throws {
        guard let kind = CompletionShell(rawValue: shell) else {
            throw CLIError.usage("unknown shell '\(shell)'", hint: "use bash, zsh or fish")
        }
        print(StrataCommand.completionScript(for: kind))
    }
}
