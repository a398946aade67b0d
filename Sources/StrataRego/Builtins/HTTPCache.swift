import Foundation
import StrataRegoAST
import Synchronization

/// `http.send`'s inter-query cache (`cache: true`, `force_cache: true`): one per process, keyed by the
/// request object. Unlike OPA, a stale entry is dropped and fetched again (no ETag revalidation).
final class HTTPResponseCache: Sendable {
    static let shared = HTTPResponseCache()
    /// RFC 7231 § 6.1, the codes OPA caches.
    static let cacheableCodes: Set<Int> = [200, 203, 204, 206, 300, 301, 404, 405, 410, 414, 501]
    /// Bounds memory: when full, expired entries go first, then everything.
    static let capacity = 1_024

    private struct Entry: Sendable {
        var response: Value
        var expires: Date
    }

    private let entries = Mutex<[Value: Entry]>([:])

    func lookup(_ key: Value, now: Date) -> Value? {
        entries.withLock { table -> Value? in
            guard let entry = table[key] else { return nil }
            if entry.expires > now { return entry.response }
            table[key] = nil
            return nil
        }
    }

    func store(_ key: Value, _ response: Value, expires: Date, now: Date) {
        guard expires > now else { return }
        entries.withLock { table in
            if table.count >= Self.capacity {
                table = table.filter { $0.value.expires > now }
                if table.count >= Self.capacity { table.removeAll() }
            }
            table[key] = Entry(response: response, expires: expires)
        }
    }

    func removeAll() { entries.withLock { $0.removeAll() } }

    /// When a response stops being fresh: the forced duration, else `max-age` from its `Date`, else `Expires`;
    /// nil when it must not be stored (`no-store`, or no freshness information).
    static func expiry(_ reply: HTTPReply, forceSeconds: Int?, now: Date) -> Date? {
        guard cacheableCodes.contains(reply.statusCode) else { return nil }
        if let seconds = forceSeconds { return now.addingTimeInterval(Double(seconds)) }
        let directives = cacheControl(reply.headers["cache-control"]?.first ?? "")
        if directives["no-store"] != nil { return nil }
        if let maxAge = directives["max-age"] {
            guard let digits = UInt64(maxAge) else { return nil }
            let base = reply.headers["date"]?.first.flatMap(httpDate) ?? now
            return base.addingTimeInterval(Double(min(digits, UInt64(Int32.max))))
        }
        return reply.headers["expires"]?.first.flatMap(httpDate)
    }

    static func cacheControl(_ header: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in header.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            let pair = item.split(separator: "=", omittingEmptySubsequences: false)
            if pair.count == 1 { out[item] = "" } else if pair.count == 2 {
                out[pair[0].trimmingCharacters(in: .whitespaces)] = String(pair[1])
            }
        }
        return out
    }

    /// RFC 7231 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return f.date(from: text)
    }
}
