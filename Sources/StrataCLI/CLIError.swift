import StrataCore

/// How a command ends other than success; `StrataMain` maps each to an exit code and one line.
enum CLIError: Error {
    /// Exit 2: the user asked for something wrong. `hint` says what to do instead.
    case usage(String, hint: String?)
    /// Exit 2: an input could not be used at all (missing path, bad config).
    case input(StrataError)
    /// Exit 2: the command exists in the product but not in this build yet.
    case unavailable(command: String, what: String)
    /// Exit 1: findings at or above `--fail-on`; the report has been written already.
    case findingsAtThreshold(count: Int, threshold: Severity)
    /// The command already said everything on stdout (e.g. `rego eval` errors as JSON); just exit.
    case quietFailure(code: Int32)
}

enum ExitCode {
    static let success: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
}
