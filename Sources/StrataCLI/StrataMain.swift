import ArgumentParser
import Foundation
import StrataCore

/// The entry point, separate from `@main` so tests can drive it. Exit codes are exactly those of
/// PRODUCT.md: 0 clean or below threshold, 1 findings at/above `--fail-on`, 2 usage or input error.
public enum StrataMain {
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        exit(execute(arguments))
    }

    static func execute(_ arguments: [String]) -> Int32 {
        let command: ParsableCommand
        do {
            command = try StrataCommand.parseAsRoot(arguments)
        } catch {
            return reportParseError(error)
        }
        do {
            var command = command
            try command.run()
            return ExitCode.success
        } catch let error as CLIError {
            return report(error)
        } catch let error as StrataError {
            return report(.input(error))
        } catch {
            return reportParseError(error)
        }
    }

    static func reportParseError(_ error: Error) -> Int32 {
        let code = StrataCommand.exitCode(for: error)
        if code == .success {
            // --help, --version, completion scripts.
            print(StrataCommand.fullMessage(for: error))
            return ExitCode.success
        }
        let message = StrataCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
        Stderr.line("strata: \(message)")
        Stderr.line("hint: run 'strata --help' or 'strata <command> --help' for usage")
        return ExitCode.usage
    }

    static func report(_ error: CLIError) -> Int32 {
        switch error {
        case .usage(let message, let hint):
            Stderr.line("strata: \(message)")
            if let hint { Stderr.line("hint: \(hint)") }
            return ExitCode.usage
        case .input(let e):
            Stderr.line("strata: \(e.description) [\(e.code.rawValue)]")
            return ExitCode.usage
        case .unavailable(let command, let what):
            Stderr.line("strata \(command): \(what) is not available in this build yet.")
            Stderr.line("hint: see README.md § Status for what this release can do")
            return ExitCode.usage
        case .findingsAtThreshold(let count, let threshold):
            Stderr.line("strata: \(count) finding(s) at or above \(threshold.rawValue) (--fail-on); exit 1")
            return ExitCode.findings
        case .quietFailure(let code):
            return code
        }
    }
}

enum Stderr {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
