import Foundation
import Testing
import _StrataTestSupport

/// Runs the batch oracles in `scripts/oracles/` from the project's Python virtualenv.
enum Oracle {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// `$STRATA_VENV/bin/python3`, default `<repo>/.venv/bin/python3`.
    static func python() throws -> URL {
        let venv = ProcessInfo.processInfo.environment["STRATA_VENV"].map { URL(fileURLWithPath: $0) }
            ?? RepoPaths.root().appendingPathComponent(".venv")
        let python = venv.appendingPathComponent("bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Missing(description: """
                The differential tests need the oracle virtualenv, and \(python.path) does not exist.
                Create it from the repository root:
                  python3 -m venv .venv && .venv/bin/pip install -r scripts/oracle-requirements.txt
                and install the apt packages in scripts/apt-packages.txt (apt-get install $(cat scripts/apt-packages.txt)),
                or point STRATA_VENV at an existing virtualenv.
                """)
        }
        return python
    }

    /// Feeds `pairs` (tab-separated) to `script` with `arguments`, one answer line per pair.
    static func run(script: String, arguments: [String], lines: [String]) throws -> [String] {
        let python = try python()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strata-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.tsv"), errors = directory.appendingPathComponent("stderr.txt")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = python
        process.arguments = [RepoPaths.root().appendingPathComponent("scripts/oracles/\(script)").path] + arguments
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardError = try FileHandle(forWritingTo: errors)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Missing(description: "oracle \(script) \(arguments) exited \(process.terminationStatus): \(message.suffix(2000))")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Answers of `compare_versions.py oracle` for each pair.
    static func compare(_ oracle: String, _ pairs: [(String, String)]) throws -> [String] {
        let answers = try run(script: "compare_versions.py", arguments: [oracle], lines: pairs.map { "\($0.0)\t\($0.1)" })
        guard answers.count == pairs.count else {
            throw Missing(description: "oracle \(oracle) gave \(answers.count) answers for \(pairs.count) pairs")
        }
        return answers
    }

    /// Distinct real version strings: an OSV export zip in `../shared/vulndb/osv/`; for
    /// `alpine-secdb`, the `secfixes` versions of `../shared/vulndb/raw/alpine-secdb`; for
    /// `dpkg-installed`, the versions of the machine's installed Debian packages.
    static func realVersions(_ source: String) throws -> [String] {
        if source == "dpkg-installed" { return try run(script: "osv_versions.py", arguments: ["--dpkg-installed"], lines: []) }
        let isSecdb = source == "alpine-secdb"
        let path = RepoPaths.shared(isSecdb ? "vulndb/raw/alpine-secdb" : "vulndb/osv/\(source)").path
        guard FileManager.default.fileExists(atPath: path) else { throw Missing(description: "missing \(path)") }
        return try run(script: "osv_versions.py", arguments: isSecdb ? ["--alpine-secdb", path] : [path], lines: [])
    }
}
