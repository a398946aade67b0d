import Foundation
import StrataRegoAST

/// Watches one evaluation for `--explain`, `--profile` and `--coverage`. Off (nil in `EvalOptions`) costs nothing;
/// on, every expression reports when it is evaluated, when it yields a solution and when it fails.
/// One evaluation at a time uses an observer (evaluation is single-threaded), hence `@unchecked Sendable`.
public final class EvalObserver: @unchecked Sendable {
    public struct Features: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let trace = Features(rawValue: 1)
        public static let profile = Features(rawValue: 2)
        public static let coverage = Features(rawValue: 4)
    }

    public enum Event: String, Sendable {
        case eval = "Eval", exit = "Exit", fail = "Fail", redo = "Redo", note = "Note"
    }

    public struct TraceLine: Sendable, Hashable {
        public var depth: Int
        public var event: Event
        public var location: Location
        public var note: String?
    }

    /// Per-expression figures, as `opa eval --profile` reports them.
    public struct ProfileEntry: Sendable, Hashable {
        public var location: Location
        /// Nanoseconds spent in the expression itself (its continuation excluded).
        public var nanoseconds: UInt64 = 0
        public var evaluations = 0
        public var solutions = 0
    }

    public let features: Features
    /// Trace lines kept (a long evaluation must not exhaust memory).
    public let traceLimit: Int
    public private(set) var trace: [TraceLine] = []
    public private(set) var traceTruncated = false
    private var profileTable: [Location: ProfileEntry] = [:]
    /// Rows per file that evaluated at least once with a solution (expressions) or produced a value (rule heads).
    public private(set) var covered: [String: Set<Int>] = [:]
    private var depth = 0
    private var clockStart: UInt64 = 0

    public init(_ features: Features, traceLimit: Int = 100_000) {
        self.features = features
        self.traceLimit = traceLimit
    }

    public var profile: [ProfileEntry] {
        profileTable.values.sorted { ($0.nanoseconds, $1.location.file, $1.location.row) > ($1.nanoseconds, $0.location.file, $0.location.row) }
    }

    private func record(_ event: Event, _ location: Location, note: String? = nil) {
        guard features.contains(.trace) else { return }
        guard trace.count < traceLimit else { traceTruncated = true; return }
        trace.append(TraceLine(depth: depth, event: event, location: location, note: note))
    }

    func note(_ message: String, at location: Location) { record(.note, location, note: message) }

    func ruleProduced(at location: Location) {
        if features.contains(.coverage) { covered[location.file, default: []].insert(location.row) }
    }

    /// Runs one expression's evaluation (`run`) with a continuation wrapper that marks solutions, excludes the
    /// continuation's time from the expression's own time, and records Eval/Exit/Redo/Fail events.
    func observe(_ location: Location, _ run: (BodyContinuation) throws -> Void, _ k: BodyContinuation) throws {
        record(.eval, location)
        let profiling = features.contains(.profile)
        if profiling { profileTable[location, default: ProfileEntry(location: location)].evaluations += 1 }
        var start = profiling ? DispatchTime.now().uptimeNanoseconds : 0
        var solutions = 0
        depth += 1
        defer {
            depth -= 1
            if profiling { profileTable[location]?.nanoseconds += DispatchTime.now().uptimeNanoseconds &- start }
        }
        // `k` only runs inside `run`'s dynamic extent, so handing it through the wrapper is safe.
        try withoutActuallyEscaping(k) { k in try observeRun(location, run, k, &solutions, &start, profiling) }
        if solutions == 0 { depth -= 1; record(.fail, location); depth += 1 }
    }

    private func observeRun(_ location: Location, _ run: (BodyContinuation) throws -> Void, _ k: @escaping BodyContinuation,
                            _ solutions: inout Int, _ start: inout UInt64, _ profiling: Bool) throws {
        var count = 0
        var resumed = start
        defer {
            solutions = count
            start = resumed
        }
        try run { b in
            count += 1
            let solutions = count
            if self.features.contains(.coverage) { self.covered[location.file, default: []].insert(location.row) }
            if profiling {
                self.profileTable[location]?.solutions += 1
                self.profileTable[location]?.nanoseconds += DispatchTime.now().uptimeNanoseconds &- resumed
            }
            self.depth -= 1
            self.record(solutions == 1 ? .exit : .redo, location)
            defer {
                self.depth += 1
                if profiling { resumed = DispatchTime.now().uptimeNanoseconds }
            }
            try k(b)
        }
    }
}
