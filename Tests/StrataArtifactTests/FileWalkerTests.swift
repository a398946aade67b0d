import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataArtifact

@Suite struct FileWalkerTests {
    /// Builds a tree with the hostile cases the issue names.
    static func hostileTree() throws -> URL {
        let root = try TestEnvironment.temporaryDirectory("walk")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data("x: 1\n".utf8).write(to: root.appendingPathComponent("a/b/deploy.yaml"))
        try Data().write(to: root.appendingPathComponent("empty.txt"))
        try Data("in root\n".utf8).write(to: root.appendingPathComponent("target.txt"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("loop1").path, withDestinationPath: "loop2")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("loop2").path, withDestinationPath: "loop1")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("etc-link").path, withDestinationPath: "/etc")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("passwd-link").path, withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("inner-link").path, withDestinationPath: "target.txt")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        // A name that is not valid UTF-8: 0xFF is never valid.
        var name = Array(root.path.utf8) + Array("/bad-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8)
        name.append(0)
        let fd = name.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: name.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(fd >= 0)
        _ = write(fd, "bad name\n", 9)
        close(fd)
        mkfifo(root.appendingPathComponent("fifo").path, 0o644)
        return root
    }

    @Test func hostileTreeIsWalkedWithDiagnostics() throws {
        let root = try FileWalkerTests.hostileTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try FileWalker().walk(root: root.path)
        let paths = result.files.map(\.path)
        #expect(paths.contains("a/b/deploy.yaml"))
        #expect(paths.contains("empty.txt"))
        #expect(paths.contains("inner-link"), "symlink to a file inside the root is scanned")
        #expect(!paths.contains("passwd-link"), "symlink to /etc/passwd is not followed")
        #expect(!paths.contains { $0.hasPrefix("etc-link") })
        #expect(!paths.contains { $0.hasPrefix("a/up/") }, "directory symlinks are not entered")
        #expect(!paths.contains("fifo"))
        #expect(paths.contains("bad-\u{FFFD}\u{FFFD}.txt"))
        let codes = Dictionary(grouping: result.diagnostics, by: \.location.path).mapValues { $0.map(\.code) }
        #expect(codes["loop1"] == [.symlinkLoop])
        #expect(codes["etc-link"] == [.symlinkEscape])
        #expect(codes["passwd-link"] == [.symlinkEscape])
        #expect(codes["dangling"] == [.fileUnreadable])
        #expect(codes["bad-\u{FFFD}\u{FFFD}.txt"] == [.invalidUTF8Name])
        // The invalid name still opens through its raw bytes.
        let bad = try #require(result.files.first { $0.path.hasPrefix("bad-") })
        let bytes = try FileReader.read(bad.openPath, limit: 100, displayPath: bad.path)
        #expect(String(decoding: bytes, as: UTF8.self) == "bad name\n")
    }

    @Test func orderIsDeterministic() throws {
        let root = try TestEnvironment.temporaryDirectory("order")
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["b.txt", "a/z.txt", "a.txt", "A.txt", "a/b/c.txt"] {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(name.utf8).write(to: url)
        }
        let paths = try FileWalker().walk(root: root.path).files.map(\.path)
        #expect(paths == ["A.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt"])
    }

    @Test func skipsGlobsGitignoreAndLargeFiles() throws {
        let root = try TestEnvironment.temporaryDirectory("skip")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["vendor/lib.go": "x", "src/vendor/x.go": "x", "src/main.go": "x", "src/main_test.go": "x",
                     "big.bin": String(repeating: "x", count: 5000), ".gitignore": "*.log\n/out/\n", "x.log": "x",
                     "out/a.txt": "x", ".git/config": "x", "sub/.gitignore": "!keep.log\n", "sub/keep.log": "x"]
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let options = WalkOptions(skipDirs: ["vendor"], skipFiles: ["**/*_test.go"], respectGitignore: true, maxFileSize: 1000)
        let result = try FileWalker(options: options).walk(root: root.path)
        #expect(result.files.map(\.path) == [".gitignore", "src/main.go", "sub/.gitignore", "sub/keep.log"])
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test func singleFileRootAndMissingRoot() throws {
        let root = try TestEnvironment.temporaryDirectory("single")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("Dockerfile")
        try Data("FROM scratch\n".utf8).write(to: file)
        #expect(try FileWalker().walk(root: file.path).files.map(\.path) == ["Dockerfile"])
        #expect(throws: StrataError.self) { try FileWalker().walk(root: root.appendingPathComponent("missing").path) }
    }

    @Test func unreadableDirectoryIsADiagnostic() throws {
        // Root ignores permission bits, so this case runs only for other users.
        guard getuid() != 0 else { return }
        let root = try TestEnvironment.temporaryDirectory("perm")
        defer {
            chmod(root.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("locked"), withIntermediateDirectories: true)
        chmod(root.appendingPathComponent("locked").path, 0)
        let result = try FileWalker().walk(root: root.path)
        #expect(result.diagnostics.map(\.code) == [.fileUnreadable])
    }
}
