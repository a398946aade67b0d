#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataCore

/// Reads whole files with plain POSIX calls, bounded by a byte limit, so that a file that grew
/// after the walk or a special file cannot exhaust memory.
public enum FileReader {
    public static func read(_ path: [UInt8], limit: Int64, displayPath: String) throws(StrataError) -> [UInt8] {
        let fd = POSIXPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else {
            throw StrataError(.fileUnreadable, "cannot open: \(POSIXPath.errnoText())", at: SourceLocation(path: displayPath))
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StrataError(.fileUnreadable, "cannot read: \(POSIXPath.errnoText())", at: SourceLocation(path: displayPath))
            }
            if n == 0 { break }
            if Int64(out.count + n) > limit {
                throw StrataError(.fileTooLarge, "file is over the \(limit)-byte limit", at: SourceLocation(path: displayPath))
            }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Small config-like files (.gitignore); nil when absent or unreadable.
    static func readSmallText(_ path: [UInt8]) -> String? {
        guard let bytes = try? read(path, limit: 1 << 20, displayPath: POSIXPath.display(path)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
