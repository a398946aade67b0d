import Synchronization
import StrataRegex

/// Compiled patterns shared by every query of the process: policies use a few patterns many times.
/// Bounded; emptied when full rather than tracking recency (patterns are few in practice).
final class RegexCache: Sendable {
    static let shared = RegexCache()
    private let table = Mutex<[String: RE2]>([:])
    private let limit = 4_096

    func get(_ pattern: String) -> RE2? {
        table.withLock { $0[pattern] }
    }

    func put(_ pattern: String, _ re: RE2) {
        table.withLock { t in
            if t.count >= limit { t.removeAll(keepingCapacity: true) }
            t[pattern] = re
        }
    }
}
