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
        // Read straight into a buffer sized from fstat (plus one byte, so that end of file needs no
        // growth); a file that grows, or one whose size is unknown, doubles it up to the limit.
        var st = stat()
        let known = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int64(st.st_size) : 0
        var out = [UInt8](repeating: 0, count: Int(min(max(known, 0), limit)) + 1)
        var count = 0
        while true {
            if count == out.count { out += [UInt8](repeating: 0, count: max(out.count, 1 << 16)) }
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StrataError(.fileUnreadable, "cannot read: \(POSIXPath.errnoText())", at: SourceLocation(path: displayPath))
            }
            if n == 0 { break }
            count += n
            if Int64(count) > limit {
                throw StrataError(.fileTooLarge, "file is over the \(limit)-byte limit", at: SourceLocation(path: displayPath))
            }
        }
        out.removeLast(out.count - count)
        return out
    }

    /// Small config-like files (.gitignore); nil when absent or unreadable.
    static func readSmallText(_ path: [UInt8]) -> String? {
        guard let bytes = try? read(path, limit: 1 << 20, displayPath: POSIXPath.display(path)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
