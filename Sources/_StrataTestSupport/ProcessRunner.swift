import Foundation

/// Runs a program and collects its exit status and output, for tests that drive the real
/// binary or an oracle. Output is read on background threads so large outputs cannot deadlock.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum ProcessRunner {
    public static func run(
        _ executable: String, _ arguments: [String], cwd: String? = nil,
        environment: [String: String]? = nil, stdin: Data? = nil
    ) throws -> ProcessResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        let collector = OutputCollector()
        let group = DispatchGroup()
        for (pipe, key) in [(out, 0), (err, 1)] {
            group.enter()
            DispatchQueue.global().async {
                collector.set(key, pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try? inp.fileHandleForWriting.close()
        p.waitUntilExit()
        group.wait()
        return ProcessResult(status: p.terminationStatus, stdout: collector.text(0), stderr: collector.text(1))
    }
}

final class OutputCollector: @unchecked Sendable {
    private var data: [Int: Data] = [:]
    private let lock = NSLock()

    func set(_ key: Int, _ value: Data) {
        lock.lock()
        data[key] = value
        lock.unlock()
    }

    func text(_ key: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data[key] ?? Data(), as: UTF8.self)
    }
}
