import Synchronization

/// A flag a caller can set from another thread to stop an evaluation with `eval_cancel_error`.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Options for one evaluation.
public struct EvalOptions: Sendable {
    /// Builtin errors raise an error instead of making the expression undefined.
    public var strictBuiltinErrors: Bool
    /// Maximum number of evaluation steps before `eval_cancel_error` (nil: unlimited).
    public var maxSteps: Int?
    public var cancellation: CancellationFlag?
    /// The time `time.now_ns` reports (fixed for the whole query).
    public var nowNanoseconds: Int64?
    /// The value `opa.runtime()` returns.
    public var runtime: [String: String]
    /// Trace, profile and coverage collection (`--explain`, `--profile`, `--coverage`); nil = off.
    public var observer: EvalObserver?
    /// Lets `http.send` and `net.lookup_ip_addr` use the network (`--allow-net`); off, they raise an error.
    public var allowNet: Bool

    public init(strictBuiltinErrors: Bool = false, maxSteps: Int? = 50_000_000, cancellation: CancellationFlag? = nil,
                nowNanoseconds: Int64? = nil, runtime: [String: String] = [:], allowNet: Bool = false) {
        self.strictBuiltinErrors = strictBuiltinErrors
        self.maxSteps = maxSteps
        self.cancellation = cancellation
        self.nowNanoseconds = nowNanoseconds
        self.runtime = runtime
        self.allowNet = allowNet
    }
}
