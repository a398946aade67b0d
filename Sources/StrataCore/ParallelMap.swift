import Foundation

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

/// A pthread mutex: small, and the same on every platform we build for.
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
