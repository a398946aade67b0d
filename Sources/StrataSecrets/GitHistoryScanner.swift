import Dispatch
import Foundation
import StrataArtifact
import StrataCore

/// Scans every blob reachable from any ref once, attributing each to the first commit (oldest
/// first) that introduced it. The object store is read natively (`NativeGitHistory`: refs, loose
/// objects, packfiles with deltas); repositories in formats it does not read (SHA-256, reftable,
/// or none found from the path) go through the command line instead: `git log --all --reverse -m
/// --raw` lists the blobs, `git cat-file --batch` reads them in bounded batches. Problems (not a
/// repository, corrupt objects, a timeout) become diagnostics; what could be read is still scanned.
public struct GitHistoryScanner: Sendable {
    public let engine: SecretEngine
    public let maxBlobSize: Int
    public let batchBytes: Int
    /// Work-tree files (paths relative to the repository root) that the file scan already
    /// covered: a blob identical to one of them is reported from the file, not again from history.
    public let workTree: [String: WalkedFile]
    public let reader: Reader
    let git: GitRunner

    /// How the object store is read.
    public enum Reader: Sendable {
        /// Natively, through `git` when the repository's format is one the native reader does not know.
        case automatic
        case native
        case commandLine
    }

    public init(
        engine: SecretEngine, repository: String, workTree: [String: WalkedFile] = [:], maxBlobSize: Int = 64 << 20,
        batchBytes: Int = 32 << 20, timeout: TimeInterval = 900, reader: Reader = .automatic
    ) {
        self.engine = engine
        self.reader = reader
        self.workTree = workTree
        self.maxBlobSize = maxBlobSize
        self.batchBytes = batchBytes
        self.git = GitRunner(repository: repository, timeout: timeout)
    }

    /// Where a blob first appeared.
    public struct BlobOrigin: Sendable, Hashable {
        public var blob: String
        public var commit: String
        public var authorDate: String
        public var path: String
    }

    public struct Outcome: Sendable {
        public var findings: [Finding] = []
        public var diagnostics: [Diagnostic] = []
        public var blobsScanned = 0
    }

    public func scan() -> Outcome {
        if reader != .commandLine {
            do throws(StrataError) {
                return scanNatively(try NativeGitHistory(repository: git.repository))
            } catch {
                if reader == .native {
                    return Outcome(diagnostics: [Diagnostic(level: .warning, code: .io, location: SourceLocation(path: git.repository),
                                                            reason: "--git-history: \(error.reason); history not scanned")])
                }
            }
        }
        return scanWithGit()
    }

    /// Reads blobs from the native store in batches of about `batchBytes`, each scanned in parallel.
    func scanNatively(_ native: NativeGitHistory) -> Outcome {
        var outcome = Outcome()
        let walk = native.walk()
        for problem in walk.problems {
            outcome.diagnostics.append(Diagnostic(code: .io, location: SourceLocation(path: git.repository), reason: "git history: \(problem)"))
        }
        var batch: [(BlobOrigin, [UInt8])] = []
        var bytes = 0
        for o in walk.origins {
            guard let id = GitObjectID(hex: o.blob) else { continue }
            do throws(StrataError) {
                let object = try native.store.read(id, limit: maxBlobSize)
                guard object.type == .blob else {
                    outcome.diagnostics.append(diagnostic(o, "object is not a blob"))
                    continue
                }
                batch.append((o, object.data))
                bytes += object.data.count
            } catch where error.code == .fileTooLarge {
                outcome.diagnostics.append(diagnostic(o, "blob is over the \(maxBlobSize)-byte limit", level: .warning))
            } catch {
                outcome.diagnostics.append(diagnostic(o, "cannot read blob: \(error.reason)"))
            }
            if bytes >= batchBytes {
                scanContents(batch, &outcome)
                batch = []
                bytes = 0
            }
        }
        if !batch.isEmpty { scanContents(batch, &outcome) }
        return outcome
    }

    func scanWithGit() -> Outcome {
        var outcome = Outcome()
        let here = SourceLocation(path: git.repository)
        if let probe = try? git.run(["rev-parse", "--git-dir"]), probe.status != 0 {
            outcome.diagnostics.append(Diagnostic(
                level: .warning, code: .io, location: here,
                reason: "--git-history: not inside a git repository (\(firstLine(probe.stderr))); history not scanned"))
            return outcome
        }
        let log: GitRunner.Output
        do {
            log = try git.run(["log", "--all", "--reverse", "-m", "--raw", "--no-renames", "--no-abbrev", "--format=%x01%H %aI"])
        } catch {
            outcome.diagnostics.append(Diagnostic(error, path: git.repository))
            return outcome
        }
        if log.status != 0 || log.timedOut {
            let why = log.timedOut ? "timed out" : firstLine(log.stderr)
            outcome.diagnostics.append(Diagnostic(code: .io, location: here, reason: "git history: git log failed (\(why)); scanning what it listed"))
        }
        let origins = GitHistoryScanner.parseLog(log.stdout)
        let sized = sizes(origins, &outcome)
        var batch: [BlobOrigin] = []
        var bytes = 0
        for (origin, size) in sized {
            if !batch.isEmpty, bytes + size > batchBytes {
                scanBatch(batch, &outcome)
                batch = []
                bytes = 0
            }
            batch.append(origin)
            bytes += size
        }
        if !batch.isEmpty { scanBatch(batch, &outcome) }
        return outcome
    }

    /// Blob id → first origin, in log order (oldest first).
    static func parseLog(_ data: Data) -> [BlobOrigin] {
        var out: [BlobOrigin] = []
        var seen = Set<String>()
        var commit = "", date = ""
        let zero = String(repeating: "0", count: 40)
        for raw in data.split(separator: 0x0A) {
            if raw.first == 0x01 {
                let parts = String(decoding: raw.dropFirst(), as: UTF8.self).split(separator: " ")
                commit = parts.first.map(String.init) ?? ""
                date = parts.count > 1 ? String(parts[1]) : ""
                continue
            }
            guard raw.first == UInt8(ascii: ":"), let tab = raw.firstIndex(of: 0x09) else { continue }
            let fields = String(decoding: raw[raw.startIndex..<tab], as: UTF8.self).split(separator: " ")
            guard fields.count >= 5 else { continue }
            let mode = fields[1], blob = String(fields[3]), status = fields[4]
            guard blob != zero, !mode.hasPrefix("160000"), status != "D", seen.insert(blob).inserted else { continue }
            let path = unquote(String(decoding: raw[raw.index(after: tab)...], as: UTF8.self))
            out.append(BlobOrigin(blob: blob, commit: commit, authorDate: date, path: path))
        }
        return out
    }

    /// `"a\tb"` → `a<TAB>b`: git's C-style quoting of unusual paths.
    static func unquote(_ s: String) -> String {
        guard s.hasPrefix("\""), s.hasSuffix("\""), s.count >= 2 else { return s }
        var out: [UInt8] = []
        var it = Array(s.utf8.dropFirst().dropLast()).makeIterator()
        while let c = it.next() {
            guard c == UInt8(ascii: "\\"), let e = it.next() else { out.append(c); continue }
            switch e {
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                let d2 = it.next() ?? 0x30, d3 = it.next() ?? 0x30
                out.append(UInt8(truncatingIfNeeded: (Int(e) - 48) * 64 + (Int(d2) - 48) * 8 + (Int(d3) - 48)))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Sizes from `cat-file --batch-check`; blobs over the limit or missing become diagnostics.
    func sizes(_ origins: [BlobOrigin], _ outcome: inout Outcome) -> [(BlobOrigin, Int)] {
        guard !origins.isEmpty else { return [] }
        let request = Data(origins.map { $0.blob + "\n" }.joined().utf8)
        guard let out = try? git.run(["cat-file", "--batch-check"], stdin: request) else { return [] }
        var sizeOf: [String: Int] = [:]
        for line in out.stdout.split(separator: 0x0A) {
            let f = String(decoding: line, as: UTF8.self).split(separator: " ")
            if f.count == 3, f[1] == "blob", let n = Int(f[2]) { sizeOf[String(f[0])] = n }
        }
        var result: [(BlobOrigin, Int)] = []
        for o in origins {
            guard let size = sizeOf[o.blob] else {
                outcome.diagnostics.append(diagnostic(o, "object is missing or unreadable"))
                continue
            }
            if size > maxBlobSize {
                outcome.diagnostics.append(diagnostic(o, "blob is over the \(maxBlobSize)-byte limit", level: .warning))
                continue
            }
            result.append((o, size))
        }
        return result
    }

    func scanBatch(_ batch: [BlobOrigin], _ outcome: inout Outcome) {
        var contents = readBatch(batch)
        for o in batch where contents[o.blob] == nil {
            // The batch process died (corrupt object); read the rest one by one.
            if let one = try? git.run(["cat-file", "blob", o.blob]), one.status == 0 {
                contents[o.blob] = [UInt8](one.stdout)
            } else {
                outcome.diagnostics.append(diagnostic(o, "cannot read blob (corrupt object?)"))
            }
        }
        scanContents(batch.compactMap { o in contents[o.blob].map { (o, $0) } }, &outcome)
    }

    /// Scans blobs in parallel; findings keep the batch's order.
    func scanContents(_ readable: [(BlobOrigin, [UInt8])], _ outcome: inout Outcome) {
        let results = ResultBox(count: readable.count)
        DispatchQueue.concurrentPerform(iterations: readable.count) { i in
            let (o, bytes) = readable[i]
            let found = engine.scan(bytes, path: o.path)
            if !found.matches.isEmpty, isInWorkTree(o.path, bytes) { return }
            let findings = SecretFindings(ruleSet: engine.ruleSet).findings(
                found, target: "git:\(o.commit.prefix(12)):\(o.path)", path: o.path,
                origin: "commit \(o.commit.prefix(12)) (\(o.authorDate)) \(o.path)")
            results.set(i, findings)
        }
        outcome.findings += results.values.flatMap { $0 }
        outcome.blobsScanned += readable.count
    }

    /// Whether the walked file at `path` has exactly these bytes (read only when sizes agree).
    func isInWorkTree(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let file = workTree[path], file.size == Int64(bytes.count) else { return false }
        return (try? FileReader.read(file.openPath, limit: file.size + 1, displayPath: path)) == bytes
    }

    /// `git cat-file --batch` output: `<sha> blob <size>\n<bytes>\n` per object.
    func readBatch(_ batch: [BlobOrigin]) -> [String: [UInt8]] {
        let request = Data(batch.map { $0.blob + "\n" }.joined().utf8)
        guard let out = try? git.run(["cat-file", "--batch"], stdin: request) else { return [:] }
        var result: [String: [UInt8]] = [:]
        let data = [UInt8](out.stdout)
        var i = 0
        while i < data.count {
            guard let nl = data[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: data[i..<nl], as: UTF8.self).split(separator: " ")
            i = nl + 1
            guard header.count == 3, let size = Int(header[2]) else { continue }
            guard i + size <= data.count else { break }
            if header[1] == "blob" { result[String(header[0])] = Array(data[i..<(i + size)]) }
            i += size + 1
        }
        return result
    }

    func diagnostic(_ o: BlobOrigin, _ why: String, level: Diagnostic.Level = .error) -> Diagnostic {
        Diagnostic(level: level, code: .io, location: SourceLocation(path: "git:\(o.commit.prefix(12)):\(o.path)"), reason: "git history: blob \(o.blob.prefix(12)): \(why)")
    }

    func firstLine(_ s: String) -> String {
        s.split(separator: "\n").first.map(String.init) ?? "no message"
    }
}

/// Per-index results written from worker threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[Finding]]
    init(count: Int) { storage = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [Finding]) { lock.lock(); storage[i] = v; lock.unlock() }
    var values: [[Finding]] { lock.lock(); defer { lock.unlock() }; return storage }
}
