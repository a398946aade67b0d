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

/// Maps over an array on several threads, keeping the input order. Workers take the next item
/// from a shared index (so a worker that drew small items keeps going while another is on a large
/// one), in the order of `cost`, largest first, when given: a large item started last would
/// otherwise leave the other cores idle at the end.
public enum ParallelMap {
    public static func run<T: Sendable, R: Sendable>(
        _ items: [T], concurrency: Int, largestFirst cost: ((T) -> Int64)? = nil, _ body: @Sendable (T) -> R
    ) -> [R] {
        if items.count == 1 || concurrency == 1 { return items.map(body) }
        let order = cost.map { c in items.indices.map { (c(items[$0]), $0) }.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.map(\.1) }
            ?? Array(items.indices)
        let slots = Slots<R>(count: items.count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: min(concurrency, items.count)) { _ in
            while let k = next.take(below: order.count) { slots.set(order[k], body(items[order[k]])) }
        }
        return slots.values
    }

    final class Slots<R: Sendable>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLockLike()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: R) { lock.locked { storage[i] = value } }

        var values: [R] { lock.locked { storage.map { $0! } } }
    }

    /// The shared index workers take items from.
    final class NextIndex: @unchecked Sendable {
        private var value = 0
        private let lock = NSLockLike()

        func take(below end: Int) -> Int? {
            lock.locked {
                guard value < end else { return nil }
                value += 1
                return value - 1
            }
        }
    }
}

/// A pthread mutex, so this module needs no Foundation.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
