#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level path helpers: file names on Linux are bytes, not necessarily UTF-8, so the walker
/// keeps the bytes to open files and a repaired string to show them.
typealias FileStat = Glibc.stat

private func sysStat(_ path: UnsafePointer<CChar>, _ st: UnsafeMutablePointer<FileStat>) -> Int32 { stat(path, st) }

enum POSIXPath {
    static func display(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    static func join(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        if a.isEmpty { return b }
        if a.last == UInt8(ascii: "/") { return a + b }
        return a + [UInt8(ascii: "/")] + b
    }

    static func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        var z = bytes
        z.append(0)
        return z.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { body($0) }
        }
    }

    /// `realpath(3)`; nil with errno set when it fails (ELOOP, ENOENT, …).
    static func realpath(_ bytes: [UInt8]) -> [UInt8]? {
        withCString(bytes) { p -> [UInt8]? in
            guard let resolved = Glibc.realpath(p, nil) else { return nil }
            defer { free(resolved) }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
        }
    }

    static func readlink(_ bytes: [UInt8]) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = withCString(bytes) { p in
            buffer.withUnsafeMutableBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { Glibc.readlink(p, $0, b.count) }
            }
        }
        return n > 0 ? Array(buffer[0..<n]) : nil
    }

    static func lstat(_ bytes: [UInt8]) -> FileStat? {
        var st = FileStat()
        let rc = withCString(bytes) { Glibc.lstat($0, &st) }
        return rc == 0 ? st : nil
    }

    static func stat(_ bytes: [UInt8]) -> FileStat? {
        var st = FileStat()
        let rc = withCString(bytes) { sysStat($0, &st) }
        return rc == 0 ? st : nil
    }

    static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    static func isDirectory(_ st: FileStat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
    static func isRegular(_ st: FileStat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }
    static func isSymlink(_ st: FileStat) -> Bool { (st.st_mode & S_IFMT) == S_IFLNK }

    /// Whether `path` is `root` or below it, comparing whole components.
    static func isInside(_ path: [UInt8], root: [UInt8]) -> Bool {
        if path == root { return true }
        let prefix = root.last == UInt8(ascii: "/") ? root : root + [UInt8(ascii: "/")]
        return path.starts(with: prefix)
    }
}
