import ArgumentParser

/// Commands of the product surface that this build does not have yet. Each says so and exits
/// 2; none pretends to work. They take any arguments so the message is the same however called.
protocol UnavailableCommand: ParsableCommand {
    static var what: String { get }
    var arguments: [String] { get }
}

extension UnavailableCommand {
    func run() throws {
        throw CLIError.unavailable(command: Self.configuration.commandName ?? "", what: Self.what)
    }
}

struct SBOMCommand: UnavailableCommand {
    static let configuration = CommandConfiguration(commandName: "sbom", abstract: "Scan a CycloneDX/SPDX SBOM (not in this build yet).")
    static let what = "SBOM vulnerability scanning"
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
}

struct K8sCommand: UnavailableCommand {
    static let configuration = CommandConfiguration(commandName: "k8s", abstract: "Audit a live Kubernetes cluster (not in this build yet).")
    static let what = "live cluster scanning"
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
}

struct RuntimeCommand: UnavailableCommand {
    static let configuration = CommandConfiguration(commandName: "runtime", abstract: "Runtime rules over event streams (not in this build yet).")
    static let what = "runtime detection"
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
}

struct ServeCommand: UnavailableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Findings store, API and web UI (not in this build yet).")
    static let what = "the findings server"
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
}

struct AdmissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admission", abstract: "Kubernetes admission webhook (not in this build yet).",
        subcommands: [AdmissionServe.self])

    struct AdmissionServe: UnavailableCommand {
        static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the validating/mutating webhook over TLS.")
        static let what = "the admission webhook"
        @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
    }
}
