import Foundation

/// A helper process that runs while a test needs it (a local HTTP server): started, its first
/// stdout line read (e.g. the port it bound), and stopped by closing its stdin, or killed.
public final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    public private(set) var firstLine = ""

    public init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var bytes: [UInt8] = []
        let handle = stdout.fileHandleForReading
        while true {
            let b = handle.readData(ofLength: 1)
            guard let c = b.first, c != 0x0A else { break }
            bytes.append(c)
        }
        firstLine = String(decoding: bytes, as: UTF8.self)
    }

    public func stop() {
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}
