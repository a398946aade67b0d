import Foundation
import StrataArtifact
import StrataCore
import Testing
import _StrataTestSupport

/// Records what a `TarReader` reports, content included.
struct TarCollector: TarVisitor {
    var entries: [TarEntry] = []
    var contents: [String: [UInt8]] = [:]
    var ended = 0

    mutating func begin(_ entry: TarEntry) throws(StrataError) -> Bool {
        entries.append(entry)
        contents[entry.displayName] = []
        return true
    }
    mutating func content(_ bytes: UnsafeRawBufferPointer) throws(StrataError) {
        contents[entries.last!.displayName, default: []] += bytes
    }
    mutating func end(_ entry: TarEntry) throws(StrataError) { ended += 1 }

    static func read(_ bytes: [UInt8], chunk: Int) throws -> TarCollector {
        var reader = TarReader()
        var collector = TarCollector()
        var at = 0
        while at < bytes.count {
            let end = min(bytes.count, at + chunk)
            try bytes[at..<end].withUnsafeBytes { (raw: UnsafeRawBufferPointer) in try reader.feed(raw, to: &collector) }
            at = end
        }
        try reader.finish()
        return collector
    }
}

/// Archives written by GNU tar (the real tool) in each of its formats, read back in chunks of
/// every awkward size: names, kinds, link targets and contents must all come through.
@Suite struct TarReaderTests {
    static let longName = "deep/" + String(repeating: "d", count: 120) + "/" + String(repeating: "n", count: 130) + ".txt"

    static func tree() throws -> URL {
        let dir = try TestEnvironment.temporaryDirectory("tar-src")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("src/sub"), withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: dir.appendingPathComponent("src/a.txt"))
        try Data((0..<5000).map { UInt8($0 % 251) }).write(to: dir.appendingPathComponent("src/sub/bin.dat"))
        try Data().write(to: dir.appendingPathComponent("src/empty"))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("src/link").path, withDestinationPath: "sub/bin.dat")
        try fm.linkItem(at: dir.appendingPathComponent("src/a.txt"), to: dir.appendingPathComponent("src/hard.txt"))
        let long = dir.appendingPathComponent("src/" + longName)
        try fm.createDirectory(at: long.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("long\n".utf8).write(to: long)
        return dir
    }

    @Test(arguments: ["gnu", "pax", "ustar", "v7"], [1, 7, 511, 512, 513, 1 << 20])
    func readsWhatGNUTarWrites(format: String, chunk: Int) throws {
        let dir = try TarReaderTests.tree()
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("t.tar").path
        // ustar cannot hold the 250-byte name and v7 not the long one either: those formats get the short tree.
        let members = format == "gnu" || format == "pax" ? ["src"] : ["src/a.txt", "src/hard.txt", "src/sub", "src/empty", "src/link"]
        let r = try ProcessRunner.run("/usr/bin/tar", ["--format=\(format)", "--sort=name", "-cf", archive, "-C", dir.path] + members)
        #expect(r.status == 0, "\(r.stderr)")
        let got = try TarCollector.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: archive))), chunk: chunk)
        let byName = Dictionary(got.entries.map { ($0.displayName.hasSuffix("/") ? String($0.displayName.dropLast()) : $0.displayName, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(got.ended == got.entries.count)
        #expect(got.contents["src/a.txt"] == Array("hello\n".utf8))
        #expect(byName["src/empty"]?.kind == .file && byName["src/empty"]?.size == 0)
        #expect(byName["src/link"]?.kind == .symlink && byName["src/link"]?.linkName == Array("sub/bin.dat".utf8))
        #expect(byName["src/hard.txt"]?.kind == .hardlink && byName["src/hard.txt"]?.linkName == Array("src/a.txt".utf8))
        #expect(byName["src/sub"]?.kind == .directory)
        #expect(got.contents["src/sub/bin.dat"] == (0..<5000).map { UInt8($0 % 251) })
        if format == "gnu" || format == "pax" {
            #expect(got.contents["src/" + TarReaderTests.longName] == Array("long\n".utf8))
        }
    }

    /// Hand-made headers: each case is a whole archive and the error it must give (nil: reads).
    static func header(_ name: String, size: Int, type: UInt8 = UInt8(ascii: "0"), sizeField: [UInt8]? = nil, breakChecksum: Bool = false) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        for (i, b) in name.utf8.prefix(100).enumerated() { h[i] = b }
        func put(_ s: String, _ at: Int) { for (i, b) in s.utf8.enumerated() { h[at + i] = b } }
        put("0000644", 100)
        if let sizeField { for (i, b) in sizeField.enumerated() { h[124 + i] = b } } else { put(String(format: "%011o", size), 124) }
        put("00000000000", 136)
        h[156] = type
        put("ustar\u{0}00", 257)
        for i in 148..<156 { h[i] = 0x20 }
        var sum = h.reduce(0) { $0 + Int($1) }
        if breakChecksum { sum += 1 }
        put(String(format: "%06o", sum) + "\u{0} ", 148)
        return h
    }

    static func padded(_ data: [UInt8]) -> [UInt8] { data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512) }

    static let hostile: [(String, [UInt8], String?)] = {
        let body = Array("secret\n".utf8)
        let ok = header("a.txt", size: body.count) + padded(body)
        let eof = [UInt8](repeating: 0, count: 1024)
        var base256 = [UInt8](repeating: 0, count: 12)
        base256[0] = 0x80
        base256[11] = UInt8(body.count)
        let pax = Array("1048577 path=x\n".utf8)
        return [
            ("well formed", ok + eof, nil),
            ("no end-of-archive blocks", ok, nil),
            ("last member's padding missing", header("a.txt", size: body.count) + body, nil),
            ("base-256 size", header("a.txt", size: 0, sizeField: base256) + padded(body) + eof, nil),
            ("bad checksum", header("a.txt", size: body.count, breakChecksum: true) + padded(body), "bad checksum"),
            ("cut inside the data", header("a.txt", size: 4096) + body, "lacks"),
            ("cut inside a header", ok + Array(header("b", size: 0).prefix(100)), "inside the header"),
            ("size not octal", header("a.txt", size: 0, sizeField: Array("12x45678901\u{0}".utf8)), "not an octal"),
            ("negative base-256 size", header("a.txt", size: 0, sizeField: [UInt8](repeating: 0xFF, count: 12)), "negative"),
            ("pax record over the limit", header("././@PaxHeader", size: 2 << 20, type: UInt8(ascii: "x")) + padded(pax), "limit"),
            ("pax record overrunning", header("././@PaxHeader", size: pax.count, type: UInt8(ascii: "x")) + padded(pax) + ok, "overruns"),
            ("random bytes", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }, "checksum"),
        ]
    }()

    @Test(arguments: hostile.indices)
    func hostileArchivesFailClearly(_ index: Int) throws {
        let (label, bytes, expected) = TarReaderTests.hostile[index]
        for chunk in [1, 100, bytes.count + 1] {
            do {
                let got = try TarCollector.read(bytes, chunk: chunk)
                #expect(expected == nil, "\(label): read without the expected error")
                #expect(got.contents["a.txt"] == Array("secret\n".utf8), "\(label)")
            } catch let error as StrataError {
                let want = try #require(expected, "\(label): unexpected error \(error)")
                #expect(error.reason.contains(want), "\(label): \(error.reason)")
            }
        }
    }

    @Test func archivePathsCannotClimbOut() {
        let cases: [(String, String?)] = [
            ("a/b", "a/b"), ("./a//b/", "a/b"), ("/etc/passwd", "etc/passwd"), ("a/./b", "a/b"),
            ("../x", nil), ("a/../../x", nil), ("a/..", nil), (".", ""),
        ]
        for (name, want) in cases {
            #expect(ArchivePath.normalized(Array(name.utf8)).map { String(decoding: $0, as: UTF8.self) } == want, "\(name)")
        }
        #expect(ArchivePath.resolve(link: Array("../b.tar".utf8), from: Array("x/layer.tar".utf8)) == Array("b.tar".utf8))
        #expect(ArchivePath.resolve(link: Array("../../b".utf8), from: Array("x/layer.tar".utf8)) == nil)
        #expect(ArchivePath.resolve(link: Array("/abs/b".utf8), from: Array("x/y".utf8)) == Array("abs/b".utf8))
    }
}
