import Foundation

/// Where the test oracles and the built binary are.
public enum TestEnvironment {
    /// The virtualenv's Python that holds the oracles (`scripts/test` creates it):
    /// `$STRATA_VENV/bin/python3`, default `<repo>/.venv/bin/python3`.
    public static func oraclePython(file: String = #filePath) -> String? {
        let env = ProcessInfo.processInfo.environment
        let venv = env["STRATA_VENV"] ?? RepoPaths.root(file: file).appendingPathComponent(".venv").path
        let python = venv + "/bin/python3"
        return FileManager.default.isExecutableFile(atPath: python) ? python : nil
    }

    /// The `strata` executable built beside the test bundle (`swift build` builds it first).
    public static func strataBinary() -> String? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("strata"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("strata"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("strata"),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A new empty directory under the system temporary directory.
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strata-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
