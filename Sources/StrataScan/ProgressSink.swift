import Foundation
import StrataCore

/// Receives scan progress; the CLI shows it on a terminal's stderr.
public protocol ProgressSink: Sendable {
    func start(total: Int)
    func advance()
    func finish()
}

/// Draws `files done/total, files/s, ETA` on one stderr line, at most ten times a second.
public final class TerminalProgress: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.write = write
    }

    public func start(total: Int) {
        lock.lock()
        self.total = total
        self.started = Date()
        lock.unlock()
    }

    public func advance() {
        lock.lock()
        done += 1
        let now = Date()
        let draw = now.timeIntervalSince(lastDraw) > 0.1
        if draw { lastDraw = now }
        let line = draw ? render(now: now) : nil
        lock.unlock()
        if let line { write("\r\u{1B}[K" + line) }
    }

    public func finish() {
        lock.lock()
        let shown = lastDraw != .distantPast
        lock.unlock()
        if shown { write("\r\u{1B}[K") }
    }

    private func render(now: Date) -> String {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        return String(format: "scanning: %d/%d files, %.0f files/s, ETA %.0fs", done, total, rate, eta)
    }
}
