import Foundation
import StrataCore

/// Runs `git` as a child process with stdin from a file, stdout captured, stderr to a temporary
/// file (so neither pipe can fill and block the other) and a time limit.
struct GitRunner: Sendable {
    let repository: String
    let executable: String
    let timeout: TimeInterval

    init(repository: String, executable: String = "/usr/bin/env", timeout: TimeInterval = 900) {
        self.repository = repository
        self.executable = executable
        self.timeout = timeout
    }

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var timedOut: Bool
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws(StrataError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["git", "-C", repository, "-c", "core.quotePath=false"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        process.environment = env
        let tmp = FileManager.default.temporaryDirectory
        let errURL = tmp.appendingPathComponent("strata-git-\(ProcessInfo.processInfo.globallyUniqueString).err")
        let inURL = tmp.appendingPathComponent("strata-git-\(ProcessInfo.processInfo.globallyUniqueString).in")
        defer {
            try? FileManager.default.removeItem(at: errURL)
            try? FileManager.default.removeItem(at: inURL)
        }
        let out = Pipe()
        do {
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            try (stdin ?? Data()).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            process.standardOutput = out
            try process.run()
        } catch {
            throw StrataError(.io, "cannot run git: \(error)")
        }
        let watchdog = Watchdog()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if process.isRunning {
                watchdog.fire()
                process.terminate()
            }
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, stdout: data, stderr: err, timedOut: watchdog.fired)
    }
}

/// Set once from the timer thread, read after the process ended.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func fire() { lock.lock(); value = true; lock.unlock() }
    var fired: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

