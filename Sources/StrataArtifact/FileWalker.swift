#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import StrataCore

/// Walks a directory tree once for every scanner. It never follows a symlink out of the root,
/// never enters a directory through a symlink (which rules out loops), and turns every entry it
/// cannot look at into a diagnostic instead of failing. Directories of one depth are listed in
/// parallel; the result is sorted, so it does not depend on thread timing.
public struct FileWalker: Sendable {
    public let options: WalkOptions
    public let concurrency: Int

    public init(options: WalkOptions = WalkOptions(), concurrency: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) {
        self.options = options
        self.concurrency = max(1, concurrency)
    }

    /// Walks `root` (a directory, or a single file). Throws only when the root itself is unusable.
    public func walk(root: String) throws(StrataError) -> WalkResult {
        let rootBytes = Array(root.utf8)
        guard let st = POSIXPath.stat(rootBytes) else {
            throw StrataError(.fileNotFound, "\(root): \(POSIXPath.errnoText())")
        }
        guard let realRoot = POSIXPath.realpath(rootBytes) else {
            throw StrataError(.fileUnreadable, "\(root): \(POSIXPath.errnoText())")
        }
        let lister = DirectoryLister(options: options, realRoot: realRoot)
        var result = WalkResult()
        if POSIXPath.isDirectory(st) {
            var level = [DirectoryJob(abs: rootBytes, rel: [], ignores: GitignoreStack())]
            while !level.isEmpty {
                let outcomes = ParallelMap.run(level, concurrency: concurrency) { lister.list($0) }
                level = []
                for outcome in outcomes {
                    result.files += outcome.files
                    result.diagnostics += outcome.diagnostics
                    level += outcome.subdirectories
                }
            }
        } else {
            let name = rootBytes.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? rootBytes
            var outcome = DirectoryOutcome()
            lister.addFile(relative: name, open: realRoot, st: st, into: &outcome)
            result.files = outcome.files
            result.diagnostics = outcome.diagnostics
        }
        result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        result.diagnostics.sort()
        return result
    }
}

struct DirectoryJob: Sendable {
    let abs: [UInt8]
    let rel: [UInt8]
    let ignores: GitignoreStack
}

struct DirectoryOutcome: Sendable {
    var files: [WalkedFile] = []
    var diagnostics: [StrataCore.Diagnostic] = []
    var subdirectories: [DirectoryJob] = []
}
