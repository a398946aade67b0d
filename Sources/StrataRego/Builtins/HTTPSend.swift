import Foundation
import StrataRegoAST

/// `http.send`: real HTTP through URLSession, only with `EvalOptions.allowNet`.
enum HTTPSend {
    static let builtins: [Builtin] = [Builtin("http.send", arity: 1, send)]
    static let disabled = "network access is disabled (use --allow-net)"

    static func send(_ args: [Value], _ ctx: BuiltinContext) throws(BuiltinError) -> Value? {
        let object = try args[0].object(1)
        var raiseError = true
        if let v = object[.string("raise_error")] {
            guard case .bool(let b) = v else { throw BuiltinError("invalid value for raise_error field") }
            raiseError = b
        }
        let result: Result<Value, HTTPSendFailure>
        do throws(HTTPSendFailure) {
            let spec = try HTTPRequestSpec(object)
            // Checked after validation: a malformed request is reported as OPA reports it, network or not.
            guard ctx.allowNet else { throw HTTPSendFailure(message: disabled, halts: true) }
            result = outcome(spec, ctx)
        } catch {
            if error.halts { throw .halting(error.message) }
            result = .failure(error)
        }
        switch result {
        case .success(let response): return response
        case .failure(let failure):
            if raiseError { throw failure.builtinError }
            let code = failure.network ? "eval_http_send_network_error" : "eval_http_send_internal_error"
            // OPA prefixes internal errors with the call's text and error code; the code is what is kept here.
            let message = failure.network ? failure.message : "\(failure.type ? "eval_type_error" : "eval_builtin_error"): http.send: \(failure.message)"
            return .object([.string("status_code"): .int(0),
                            .string("error"): .object([.string("code"): .string(code), .string("message"): .string(message)])])
        }
    }

    /// The same request within one query gets the same answer, errors included (OPA's intra-query cache).
    static func outcome(_ spec: HTTPRequestSpec, _ ctx: BuiltinContext) -> Result<Value, HTTPSendFailure> {
        if let memo = ctx.httpSendMemo[spec.key] { return memo }
        let now = Date(timeIntervalSince1970: Double(ctx.nowNanoseconds) / 1e9)
        if spec.interQuery, let hit = HTTPResponseCache.shared.lookup(spec.key, now: now) {
            ctx.httpSendMemo[spec.key] = .success(hit)
            return .success(hit)
        }
        switch HTTPTransport.perform(spec) {
        case .failure(let failure):
            ctx.httpSendMemo[spec.key] = .failure(failure)
            return .failure(failure)
        case .success(let reply):
            let response = value(reply, forceJSON: spec.forceJSON, forceYAML: spec.forceYAML)
            if spec.interQuery || HTTPResponseCache.cacheableCodes.contains(reply.statusCode) {
                ctx.httpSendMemo[spec.key] = .success(response)
            }
            if spec.interQuery, let expires = HTTPResponseCache.expiry(reply, forceSeconds: spec.forceCacheSeconds, now: now) {
                HTTPResponseCache.shared.store(spec.key, response, expires: expires, now: now)
            }
            return .success(response)
        }
    }

    /// OPA's response object; a body that does not decode is null, not an error.
    static func value(_ reply: HTTPReply, forceJSON: Bool, forceYAML: Bool) -> Value {
        let raw = String(decoding: reply.body, as: UTF8.self)
        let contentType = reply.headers["content-type"]?.first ?? ""
        var body = Value.null
        if forceJSON || isJSON(contentType) {
            body = (try? JSONReader.parse(raw)) ?? .null
        } else if forceYAML || contentType.contains("application/yaml") || contentType.contains("application/x-yaml") {
            body = ((try? YAMLConversion.parse(raw)) ?? nil) ?? .null
        }
        var headers: [Value: Value] = [:]
        for (name, values) in reply.headers { headers[.string(name)] = .strings(values) }
        return .object([
            .string("status"): .string(status(reply.statusCode)),
            .string("status_code"): .int(reply.statusCode),
            .string("body"): body,
            .string("raw_body"): .string(raw),
            .string("headers"): .object(headers),
        ])
    }

    /// `application/json` or `application/*+json`, parameters ignored.
    static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json"))
    }

    /// Go's `resp.Status` ("200 OK"); URLSession does not expose the server's reason phrase.
    static func status(_ code: Int) -> String {
        let text = HTTPURLResponseText.reasons[code]
        return text.map { "\(code) \($0)" } ?? "\(code) status code \(code)"
    }
}

/// Go's `http.StatusText` for the codes servers commonly send.
enum HTTPURLResponseText {
    static let reasons: [Int: String] = [
        100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted",
        203: "Non-Authoritative Information", 204: "No Content", 205: "Reset Content", 206: "Partial Content",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized",
        403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout",
        409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Request Entity Too Large",
        414: "Request URI Too Long", 415: "Unsupported Media Type", 418: "I'm a teapot", 422: "Unprocessable Entity",
        429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout",
    ]
}
