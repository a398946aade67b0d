import Foundation

/// Runs deep recursive work (the evaluator recurses per expression) on a thread with a large stack.
enum BigStack {
    static let stackSize = 512 << 20

    static func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) throws(E) -> T {
        let box = ResultBox<T, E>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(Result { () throws(E) -> T in try work() })
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return try box.get().get()
    }
}

/// Hands a result from the worker thread to the waiting caller (guarded by a lock).
final class ResultBox<T: Sendable, E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, E>?

    func set(_ r: Result<T, E>) {
        lock.lock()
        result = r
        lock.unlock()
    }

    func get() -> Result<T, E> {
        lock.lock()
        defer { lock.unlock() }
        return result!
    }
}
