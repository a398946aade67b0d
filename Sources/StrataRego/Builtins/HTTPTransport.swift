import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import StrataRegoAST
import Synchronization

/// One HTTP exchange as `http.send` sees it.
struct HTTPReply: Sendable {
    var statusCode: Int
    /// Lower-cased names (OPA's response `headers`).
    var headers: [String: [String]]
    var body: Data
}

/// Sends one request with URLSession and waits for it: builtins are synchronous.
enum HTTPTransport {
    static func perform(_ request: HTTPRequestSpec) -> Result<HTTPReply, HTTPSendFailure> {
        var attempt = 0
        while true {
            let result = once(request)
            guard case .failure(let f) = result, f.network, attempt < request.retries else { return result }
            // OPA backs off from 100 ms, doubling; capped lower here so a policy cannot stall for minutes.
            Thread.sleep(forTimeInterval: min(0.1 * pow(2, Double(attempt)), 5))
            attempt += 1
        }
    }

    private static func once(_ spec: HTTPRequestSpec) -> Result<HTTPReply, HTTPSendFailure> {
        let op = String(spec.method.prefix(1)) + spec.method.dropFirst().lowercased()  // Go's url.Error Op ("Get")
        guard let url = URL(string: spec.url), let scheme = url.scheme?.lowercased() else {
            return .failure(HTTPSendFailure(message: "\(op) \(Value.quoted(spec.url)): unsupported protocol scheme \"\"", network: true))
        }
        guard scheme == "http" || scheme == "https" else {
            return .failure(HTTPSendFailure(message: "\(op) \(Value.quoted(spec.url)): unsupported protocol scheme \(Value.quoted(scheme))", network: true))
        }
        let timeout = spec.timeout > 0 ? spec.timeout : 86_400
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = spec.method
        request.httpBody = spec.body
        for h in spec.headers { request.addValue(h.value, forHTTPHeaderField: h.name) }
        if !spec.headers.contains(where: { $0.name.lowercased() == "user-agent" }) {
            request.setValue("Strata (http.send)", forHTTPHeaderField: "User-Agent")
        }
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout
        config.urlCache = nil
        config.httpCookieStorage = nil
        let session = URLSession(configuration: config, delegate: RedirectPolicy(follow: spec.enableRedirect), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }

        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.set(reply(data, response, error))
            done.signal()
        }
        task.resume()
        // The session enforces the timeout; this is a backstop should it not call back.
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            return .failure(timedOut(op, spec.url))
        }
        switch box.get() {
        case .reply(let r)?: return .success(r)
        case .error(let code, let description)?:
            if URLError.Code(rawValue: code) == .timedOut { return .failure(timedOut(op, spec.url)) }
            return .failure(HTTPSendFailure(message: message(op: op, url: url, text: spec.url, code: code, description: description), network: true))
        case nil: return .failure(HTTPSendFailure(message: "\(op) \(Value.quoted(spec.url)): no response", network: true))
        }
    }

    private static func reply(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Outcome {
        if let error {
            let code = (error as? URLError)?.code.rawValue ?? URLError.Code.unknown.rawValue
            return .error(code, error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else { return .error(URLError.Code.badServerResponse.rawValue, "not an HTTP response") }
        var headers: [String: [String]] = [:]
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name).lowercased(), default: []].append(String(describing: value))
        }
        return .reply(HTTPReply(statusCode: http.statusCode, headers: headers, body: data ?? Data()))
    }

    private static func timedOut(_ op: String, _ url: String) -> HTTPSendFailure {
        HTTPSendFailure(message: "\(op) \(Value.quoted(url)): context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                        network: true, raised: "\(op) \(url): request timed out")
    }

    /// Go-like texts for the common failures, so messages read as OPA's do.
    private static func message(op: String, url: URL, text: String, code: Int, description: String) -> String {
        let quoted = "\(op) \(Value.quoted(text))"
        let host = url.host ?? ""
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        switch URLError.Code(rawValue: code) {
        case .cannotConnectToHost: return "\(quoted): dial tcp \(host):\(port): connect: connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "\(quoted): dial tcp: lookup \(host): no such host"
        default: return "\(quoted): \(description)"
        }
    }

    enum Outcome: Sendable {
        case reply(HTTPReply)
        case error(Int, String)
    }

    /// Hands the completion handler's result to the waiting thread.
    final class ResultBox: Sendable {
        private let value = Mutex<Outcome?>(nil)
        func set(_ outcome: Outcome) { value.withLock { $0 = outcome } }
        func get() -> Outcome? { value.withLock { $0 } }
    }
}

/// Go's client with `enable_redirect: false` returns the 3xx response itself; this does the same.
private final class RedirectPolicy: NSObject, URLSessionTaskDelegate, Sendable {
    let follow: Bool
    init(follow: Bool) { self.follow = follow }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(follow ? request : nil)
    }
}
