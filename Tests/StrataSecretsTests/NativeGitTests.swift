import Foundation
import Testing
import StrataArtifact
import StrataCore
@testable import StrataSecrets

/// The native object-store reader against the `git` command line on repositories the test builds
/// with git: the same blobs, attributed to the same commits and paths in the same order, with the
/// same bytes, from loose objects and from packfiles full of deltas.
@Suite(.serialized) struct NativeGitTests {
    static let hasGit = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")

    struct GitFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs git with fixed identity and dates (`date`: git's `<seconds> <±hhmm>` form); a failure throws with its stderr.
    @discardableResult
    static func git(_ dir: URL, _ args: [String], date: String = "1714557600 +0000") throws -> Data {
        let p = Process()
        // Through sh with stdin from /dev/null, so no git command (or its children) reads the runner's stdin.
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exec /usr/bin/git \"$@\" < /dev/null", "git", "-C", dir.path, "-c", "user.name=Test", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false",
                       "-c", "init.defaultBranch=main", "-c", "gc.auto=0"] + args
        // A clean environment: nothing from the test runner (GIT_* variables, a user config) reaches git.
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "GIT_CONFIG_NOSYSTEM": "1",
                         "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "LC_ALL": "C"]
        // stderr to a file (a pipe could fill while stdout is read), as `GitRunner` does.
        let tmp = TestData.tempDir("gitio")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let err = tmp.appendingPathComponent("stderr"), input = tmp.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        _ = FileManager.default.createFile(atPath: input.path, contents: nil)
        let out = Pipe()
        p.standardInput = try FileHandle(forReadingFrom: input)
        p.standardOutput = out
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let message = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
            throw GitFailed(description: "git \(args.joined(separator: " ")) (status \(p.terminationStatus)) in \(dir.path): \(message)")
        }
        return data
    }

    /// Packs every object reachable from refs, reflogs and the index, then deletes the loose copies:
    /// `rev-list --objects | pack-objects`, which is what `git gc` does, spelled out. (`git gc` and
    /// `git repack` on these repositories sometimes failed with "bad revision" under git 2.39, in and
    /// out of the test process; the explicit pipeline has not.)
    static func pack(_ dir: URL, options: String = "") throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.currentDirectoryURL = dir
        p.arguments = ["-c", "git rev-list --objects --all --reflog --indexed-objects | git pack-objects -q \(options) .git/objects/pack/pack > /dev/null && git prune-packed"]
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw GitFailed(description: "packing \(dir.path) failed (status \(p.terminationStatus))") }
    }

    /// `richRepository()`, packed, with its one index and pack made writable for damage tests.
    static func packedRepository() throws -> (dir: URL, index: URL, pack: URL) {
        let dir = try richRepository()
        try pack(dir)
        let packDir = dir.appendingPathComponent(".git/objects/pack")
        let names = try FileManager.default.contentsOfDirectory(atPath: packDir.path)
        let index = packDir.appendingPathComponent(try #require(names.first { $0.hasSuffix(".idx") }))
        let pack = packDir.appendingPathComponent(try #require(names.first { $0.hasSuffix(".pack") }))
        for url in [index, pack] { try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
        return (dir, index, pack)
    }

    static func write(_ dir: URL, _ name: String, _ text: String) throws {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Branches, a merge, annotated and lightweight tags, a stash, renames, deletions, a symlink, a
    /// mode change, nested and unusual paths, author dates in several offsets, and a file with 40
    /// similar versions (delta chains once packed).
    static func richRepository() throws -> URL {
        let dir = TestData.tempDir()
        var day = 0
        func commit(_ message: String, offset: String = "+0000") throws {
            day += 1
            try git(dir, ["add", "-A"])
            try git(dir, ["commit", "-q", "-m", message], date: "\(1_714_557_600 + day * 86_400) \(offset)")
        }
        try git(dir, ["init", "-q"])
        try write(dir, "README.md", "hello\n")
        try write(dir, "src/app/main.py", "print('hi')\n")
        try commit("root", offset: "+0200")
        let big = (0..<400).map { "line \($0): token_value = handler.request(\($0))" }
        for v in 0..<40 {
            var lines = big
            lines[v * 7 % 400] = "changed in version \(v)"
            try write(dir, "data/big.txt", lines.joined(separator: "\n") + "\n")
            try commit("version \(v)", offset: v % 3 == 0 ? "-0700" : "+0530")
        }
        try git(dir, ["checkout", "-q", "-b", "feature"])
        try write(dir, "feature/config.env", "GITHUB_TOKEN=\(TestData.githubPAT)\n")
        try write(dir, "caf\u{E9}/na\u{EF}ve name.txt", "unicode path\n")
        try write(dir, "tab\there.txt", "tab in the name\n")
        try commit("feature")
        try git(dir, ["checkout", "-q", "main"])
        try write(dir, "src/app/util.py", "def f(): pass\n")
        try FileManager.default.moveItem(atPath: dir.appendingPathComponent("README.md").path, toPath: dir.appendingPathComponent("README.txt").path)
        try commit("rename and add")
        try git(dir, ["merge", "-q", "--no-ff", "-m", "merge feature", "feature"], date: "1718877600 +0000")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: "src/app/main.py")
        try git(dir, ["update-index", "--add", "--chmod=+x", "src/app/main.py"])
        try commit("symlink and mode")
        try git(dir, ["tag", "-a", "v1", "-m", "release"], date: "1719828000 +0000")
        try git(dir, ["rm", "-q", "feature/config.env"])
        try commit("remove the secret")
        try git(dir, ["tag", "light"])
        try write(dir, "wip.txt", "work in progress\n")
        try git(dir, ["add", "wip.txt"])
        try git(dir, ["stash", "-q"], date: "1722506400 +0000")
        return dir
    }

    static func commandLineOrigins(_ dir: URL) throws -> [GitHistoryScanner.BlobOrigin] {
        GitHistoryScanner.parseLog(try git(dir, ["log", "--all", "--reverse", "-m", "--raw", "--no-renames", "--no-abbrev", "--format=%x01%H %aI"]))
    }

    static func nativeOrigins(_ dir: URL) throws -> NativeGitHistory.Walk {
        try NativeGitHistory(repository: dir.path).walk()
    }

    @Test(.enabled(if: hasGit), arguments: ["loose", "packed", "aggressive"])
    func sameOriginsAndBytesAsGit(storage: String) throws {
        let dir = try Self.richRepository()
        defer { try? FileManager.default.removeItem(at: dir) }
        if storage == "packed" { try Self.pack(dir) }
        if storage == "aggressive" { try Self.pack(dir, options: "--depth=50 --window=50") }
        let packs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(".git/objects/pack").path)
        #expect(packs.contains { $0.hasSuffix(".pack") } == (storage != "loose"))
        let want = try Self.commandLineOrigins(dir)
        let walk = try Self.nativeOrigins(dir)
        #expect(walk.problems.isEmpty, "\(walk.problems)")
        #expect(want.count > 45)
        if storage != "loose" {
            // The 40 versions of data/big.txt are stored as delta chains.
            let idx = try #require(packs.first { $0.hasSuffix(".idx") })
            let verify = String(decoding: try Self.git(dir, ["verify-pack", "-v", ".git/objects/pack/" + idx]), as: UTF8.self)
            #expect(verify.contains("chain length = 1:"), "\(verify.suffix(400))")
        }
        #expect(walk.origins == want)
        let native = try NativeGitHistory(repository: dir.path)
        for o in want {
            let bytes = try native.store.read(try #require(GitObjectID(hex: o.blob)), limit: 1 << 20).data
            #expect(bytes == [UInt8](try Self.git(dir, ["cat-file", "blob", o.blob])), "\(o.path)")
        }
    }

    @Test(.enabled(if: hasGit)) func bothReadersFindTheSameSecrets() throws {
        let dir = try Self.richRepository()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.pack(dir)
        let native = GitHistoryScanner(engine: TestData.engine, repository: dir.path, reader: .native).scan()
        let cli = GitHistoryScanner(engine: TestData.engine, repository: dir.path, reader: .commandLine).scan()
        #expect(native.findings == cli.findings)
        #expect(native.blobsScanned == cli.blobsScanned)
        #expect(native.findings.contains { $0.ruleID == "github-pat" && $0.message.contains("+00:00") })
        #expect(native.diagnostics.isEmpty)
    }

    @Test(.enabled(if: hasGit)) func worktreesAreFoundThroughTheirGitFile() throws {
        let dir = try Self.richRepository()
        let other = TestData.tempDir()
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: other)
        }
        try FileManager.default.removeItem(at: other)
        try Self.git(dir, ["worktree", "add", "-q", other.path, "feature"])
        #expect(try Self.nativeOrigins(other).origins == Self.commandLineOrigins(other))
    }

    /// Damage to a packfile: every problem is a diagnostic, the scan finishes, and what can be read
    /// is still read.
    @Test(.enabled(if: hasGit), arguments: [0.25, 0.5, 0.9])
    func corruptPackIsReportedNotFatal(at fraction: Double) throws {
        let (dir, _, url) = try Self.packedRepository()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = [UInt8](try Data(contentsOf: url))
        let at = Int(Double(bytes.count) * fraction)
        for i in at..<min(bytes.count, at + 64) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: url)
        let outcome = GitHistoryScanner(engine: TestData.engine, repository: dir.path, reader: .native).scan()
        #expect(!outcome.diagnostics.isEmpty)
        #expect(outcome.blobsScanned > 0)
    }

    /// Seeded damage to the index and the pack (flipped bytes, truncation, zeroed runs): every read
    /// either succeeds or throws; nothing traps, and each round finishes.
    @Test(.enabled(if: hasGit)) func mutatedPackAndIndexNeverCrash() throws {
        let (dir, idxURL, packURL) = try Self.packedRepository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let idx = [UInt8](try Data(contentsOf: idxURL)), pack = [UInt8](try Data(contentsOf: packURL))
        let ids = try Self.commandLineOrigins(dir).compactMap { GitObjectID(hex: $0.blob) }
        var rng = SplitMix(seed: 41)
        var reads = 0, failures = 0
        for round in 0..<60 {
            var i = idx, p = pack
            func damage(_ bytes: inout [UInt8]) {
                switch rng.next() % 3 {
                case 0: for _ in 0..<(1 + Int(rng.next() % 8)) { bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
                case 1: bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
                default:
                    let at = Int(rng.next() % UInt64(bytes.count))
                    for k in at..<min(bytes.count, at + 16) { bytes[k] = 0 }
                }
            }
            if round % 2 == 0 { damage(&i) } else { damage(&p) }
            try Data(i).write(to: idxURL)
            try Data(p).write(to: packURL)
            guard let native = try? NativeGitHistory(repository: dir.path) else { failures += 1; continue }
            _ = native.walk()
            for id in ids {
                if (try? native.store.read(id, limit: 1 << 20)) != nil { reads += 1 } else { failures += 1 }
            }
        }
        #expect(reads > 0)
        #expect(failures > 0)
    }

    @Test(.enabled(if: hasGit)) func truncatedIndexIsADiagnosticForTheNativeReader() throws {
        let (dir, url, _) = try Self.packedRepository()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(try Data(contentsOf: url).prefix(600)).write(to: url)
        let native = GitHistoryScanner(engine: TestData.engine, repository: dir.path, reader: .native).scan()
        #expect(native.diagnostics.map(\.reason).contains { $0.contains("pack index") }, "\(native.diagnostics)")
        #expect(native.findings.isEmpty)
    }

    /// Trees nested past `maxTreeDepth` (made with `git fast-import`, which has no such limit in git
    /// 2.39) are reported and not followed: no stack overflow, and the shallow blob is still found.
    @Test(.enabled(if: hasGit)) func overDeepTreesAreReportedNotFollowed() throws {
        let dir = TestData.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.git(dir, ["init", "-q"])
        let deep = Array(repeating: "d", count: NativeGitHistory.maxTreeDepth + 50).joined(separator: "/") + "/deep.txt"
        let stream = "commit refs/heads/main\ncommitter T <t@example.invalid> 1714557600 +0000\ndata 2\nx\n"
            + "M 100644 inline \(deep)\ndata 5\ndeep\nM 100644 inline top.txt\ndata 4\ntop\n\n"
        let input = dir.appendingPathComponent("stream")
        try Data(stream.utf8).write(to: input)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.currentDirectoryURL = dir
        p.arguments = ["-c", "git fast-import --quiet < stream"]
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "GIT_CONFIG_NOSYSTEM": "1"]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let walk = try Self.nativeOrigins(dir)
        #expect(walk.origins.map(\.path) == ["top.txt"])
        #expect(walk.problems.count == 1)
        #expect(walk.problems.first?.contains("nested deeper than \(NativeGitHistory.maxTreeDepth) levels") == true)
    }

    @Test(arguments: [
        ([UInt8](), "truncated"),
        ([0x05, 0x03, 0x90, 0x00, 0x03], "base"),  // base size 5, result 3, copy 3 from 0 (but base is 4 bytes)
        ([0x04, 0x03, 0x91, 0x02, 0x03], "outside"),  // copy 3 bytes from offset 2 of a 4-byte base
        ([0x04, 0x02, 0x00], "reserved"),
        ([0x04, 0x05, 0x02, 0x61, 0x62], "not 5"),  // declares 5, produces 2
        ([0x04, 0x02, 0x05, 0x61, 0x62], "truncated"),  // insert 5 with 2 left
    ])
    func corruptDeltasAreErrors(delta: [UInt8], fragment: String) {
        #expect(throws: StrataError.self) { try GitDelta.apply(delta, to: Array("abcd".utf8), limit: 1 << 20) }
        do { _ = try GitDelta.apply(delta, to: Array("abcd".utf8), limit: 1 << 20) } catch {
            #expect(error.reason.contains(fragment), "\(error.reason)")
        }
    }

    @Test func deltaCopiesAndInserts() throws {
        // base "abcdefgh"; result: insert "XY", copy 4 bytes from offset 2 ("cdef").
        let delta: [UInt8] = [0x08, 0x06, 0x02, 0x58, 0x59, 0x91, 0x02, 0x04]
        #expect(try GitDelta.apply(delta, to: Array("abcdefgh".utf8), limit: 100) == Array("XYcdef".utf8))
        #expect(throws: StrataError.self) { try GitDelta.apply(delta, to: Array("abcdefgh".utf8), limit: 5) }
    }

    /// A loose object that inflates far beyond its limit stops at the limit (a decompression bomb).
    @Test(.enabled(if: hasGit)) func looseObjectBombStopsAtTheLimit() throws {
        let dir = TestData.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.git(dir, ["init", "-q"])
        try Self.write(dir, "zeros.bin", String(repeating: "0", count: 8 << 20))
        try Self.git(dir, ["add", "-A"])
        let id = String(decoding: try Self.git(dir, ["rev-parse", ":zeros.bin"]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = dir.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        let compressed = [UInt8](try Data(contentsOf: path))
        #expect(compressed.count < 64 << 10)
        #expect(throws: StrataError.self) { try GitObjectStore.loose(compressed, limit: 1 << 20, name: id) }
        #expect(try GitObjectStore.loose(compressed, limit: 16 << 20, name: id).data.count == 8 << 20)
    }

    @Test(arguments: [
        (1_714_557_600, "+0000", "2024-05-01T10:00:00+00:00"),
        (1_714_557_600, "+0530", "2024-05-01T15:30:00+05:30"),
        (1_714_557_600, "-0700", "2024-05-01T03:00:00-07:00"),
        (0, "+0000", "1970-01-01T00:00:00+00:00"),
        (-86_401, "+0000", "1969-12-30T23:59:59+00:00"),
        (951_782_400, "+0100", "2000-02-29T01:00:00+01:00"),
        (4_102_444_800, "-1200", "2099-12-31T12:00:00-12:00"),
    ])
    func authorDates(seconds: Int, offset: String, expected: String) {
        #expect(GitDate.iso8601(seconds: seconds, offset: offset) == expected)
    }
}
