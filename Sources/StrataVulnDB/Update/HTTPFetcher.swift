import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import StrataCore

/// A blocking HTTP GET with conditional headers, for `db update` (a command-line tool waits).
struct HTTPFetcher {
    struct Response {
        var status: Int
        var body: Data
        var etag: String?
        var lastModified: String?
    }

    var timeout: TimeInterval = 60

    func get(_ url: URL, etag: String?, lastModified: String?) throws(StrataError) -> Response {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        request.setValue("strata/\(StrataVersion.current)", forHTTPHeaderField: "User-Agent")
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral)
        session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        let (data, response, error) = box.get()
        if let error { throw StrataError(.io, "download of \(url.absoluteString) failed: \(error.localizedDescription)") }
        guard let response else { throw StrataError(.io, "download of \(url.absoluteString) failed: no HTTP response") }
        if let expected = response.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init), let data, data.count != expected {
            throw StrataError(.io, "download of \(url.absoluteString) was cut short: \(data.count) of \(expected) bytes")
        }
        return Response(
            status: response.statusCode, body: data ?? Data(),
            etag: response.value(forHTTPHeaderField: "ETag"), lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: Error?

    func set(data: Data?, response: HTTPURLResponse?, error: Error?) {
        lock.lock()
        (self.data, self.response, self.error) = (data, response, error)
        lock.unlock()
    }

    func get() -> (Data?, HTTPURLResponse?, Error?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
