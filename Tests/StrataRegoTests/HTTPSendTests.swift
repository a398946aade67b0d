import Foundation
import Testing
@testable import StrataRego
import StrataRegoAST

/// `http.send` against a real server on 127.0.0.1 (`HTTPTestServer`), expectations checked against OPA v1.20.2.
@Suite("http.send")
struct HTTPSendTests {
    static func eval(_ expr: String, allowNet: Bool = true, strict: Bool = true) throws(RegoError) -> Value? {
        let engine = try RegoEngine(modules: [], options: RegoEngine.Options(strictBuiltinErrors: strict, allowNet: allowNet))
        return try engine.evaluate(query: "x := " + expr).results.first?.bindings["x"]
    }

    static func error(_ expr: String, allowNet: Bool = true, strict: Bool = true) -> RegoError? {
        do { _ = try eval(expr, allowNet: allowNet, strict: strict); return nil } catch { return error }
    }

    @Test("disabled without allowNet, even without strict builtin errors", arguments: [
        (#"http.send({"method": "get", "url": "http://127.0.0.1:1/"})"#, "http.send"),
        (#"net.lookup_ip_addr("localhost")"#, "net.lookup_ip_addr"),
    ], [true, false])
    func disabled(call: (expr: String, name: String), strict: Bool) throws {
        let (expr, name) = call
        let e = try #require(Self.error(expr, allowNet: false, strict: strict))
        #expect(e.code == .evalBuiltin)
        #expect(e.message == "\(name): network access is disabled (use --allow-net)")
    }

    @Test("response bodies decode by content type or force_*_decode", arguments: [
        ("/json", "", #"{"hello":"world","n":[1,2]}"#, 200, "200 OK"),
        ("/problem", "", #"{"type":"x"}"#, 200, "200 OK"),
        ("/yaml", "", #"{"a":1,"b":["x","z"]}"#, 200, "200 OK"),
        ("/text", "", "null", 200, "200 OK"),
        ("/text", #", "force_json_decode": true"#, "null", 200, "200 OK"),
        ("/textjson", #", "force_json_decode": true"#, #"{"k":true}"#, 200, "200 OK"),
        ("/textyaml", #", "force_yaml_decode": true"#, #"{"k":[1,2]}"#, 200, "200 OK"),
        ("/badjson", "", "null", 200, "200 OK"),
        ("/status/404", "", "null", 404, "404 Not Found"),
        ("/status/500", "", "null", 500, "500 Internal Server Error"),
    ])
    func decoding(path: String, extra: String, body: String, code: Int, status: String) throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let r = try #require(try Self.eval(#"http.send({"method": "get", "url": "\#(server.base)\#(path)"\#(extra)})"#))
        #expect(r[.string("body")]?.jsonString() == body)
        #expect(r[.string("status_code")] == .int(code))
        #expect(r[.string("status")] == .string(status))
        #expect(r[.string("raw_body")]?.stringValue?.isEmpty == false)
    }

    @Test("method, body, raw_body and headers reach the server", arguments: [
        (#""method": "post", "body": {"a": [1, "<"]}"#, "POST", #"{"a":[1,"\u003c"]}"#),
        (#""method": "put", "raw_body": "plain <text>""#, "PUT", "plain <text>"),
        (#""method": "get""#, "GET", ""),
        (#""method": "Delete", "body": 1, "raw_body": "raw wins""#, "DELETE", "raw wins"),
    ])
    func echo(fields: String, method: String, body: String) throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let r = try #require(try Self.eval(#"http.send({"url": "\#(server.base)/echo", "headers": {"X-Test": "v1"}, \#(fields)})"#))
        let echoed = try #require(r[.string("body")])
        #expect(echoed[.string("method")] == .string(method))
        #expect(echoed[.string("body")] == .string(body))
        #expect(echoed[.string("headers")]?[.string("x-test")] == .string("v1"))
        // Response headers: lower-cased names, each an array of strings.
        #expect(r[.string("headers")]?[.string("content-type")] == .array([.string("application/json")]))
    }

    @Test("redirects are returned unless enable_redirect", arguments: [(false, 302), (true, 200)])
    func redirect(follow: Bool, code: Int) throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let r = try #require(try Self.eval(#"http.send({"method": "get", "url": "\#(server.base)/redirect", "enable_redirect": \#(follow)})"#))
        #expect(r[.string("status_code")] == .int(code))
        if follow {
            #expect(r[.string("body")]?[.string("hello")] == .string("world"))
        } else {
            #expect(r[.string("headers")]?[.string("location")] == .array([.string("/json")]))
        }
    }

    @Test("network errors: raised, or an error object with raise_error false")
    func networkErrors() throws {
        let url = "http://127.0.0.1:1/"  // nothing listens on port 1
        let raised = try #require(Self.error(#"http.send({"method": "get", "url": "\#(url)"})"#))
        #expect(raised.code == .evalBuiltin)
        #expect(raised.message == #"http.send: Get "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused"#)
        #expect(try Self.eval(#"http.send({"method": "get", "url": "\#(url)"})"#, strict: false) == nil)
        let r = try Self.eval(#"http.send({"method": "get", "url": "\#(url)", "raise_error": false})"#)
        #expect(r?.jsonString() == #"{"error":{"code":"eval_http_send_network_error","message":"Get \"http://127.0.0.1:1/\": dial tcp 127.0.0.1:1: connect: connection refused"},"status_code":0}"#)
    }

    @Test("invalid requests are errors, as in OPA", arguments: [
        (#"{"method": "get", "url": "u", "foo": 1, "bar": 2}"#, RegoError.Code.evalType,
         #"http.send: operand 1 invalid request parameters(s): {"bar", "foo"}"#),
        (#"{"method": "get"}"#, .evalType, #"http.send: operand 1 missing required request parameters(s): {"url"}"#),
        (#"{"method": "get", "url": "u", "timeout": "x"}"#, .evalBuiltin, #"http.send: invalid timeout value "x": time: invalid duration "x""#),
        (#"{"method": "get", "url": "u", "raise_error": 1}"#, .evalBuiltin, "http.send: invalid value for raise_error field"),
        (#"{"method": "get", "url": "u", "force_cache": true}"#, .evalBuiltin,
         "http.send: 'force_cache' set but 'force_cache_duration_seconds' parameter is missing"),
        (#"{"method": "get", "url": "u", "tls_client_cert": "x"}"#, .evalBuiltin,
         #"http.send: "tls_client_cert" is not supported: Strata uses the system trust store without client certificates or other TLS settings"#),
        (#"{"method": "get", "url": "ftp://x/"}"#, .evalBuiltin, #"http.send: Get "ftp://x/": unsupported protocol scheme "ftp""#),
    ])
    func invalid(request: String, code: RegoError.Code, message: String) throws {
        let e = try #require(Self.error("http.send(\(request))"))
        #expect(e.code == code)
        #expect(e.message == message)
    }

    @Test("timeout: a slow server gives a timeout error, well before it answers")
    func timeout() throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let url = server.base + "/slow"
        let start = Date()
        let e = try #require(Self.error(#"http.send({"method": "get", "url": "\#(url)", "timeout": "500ms"})"#))
        #expect(e.message == "http.send: Get \(url): request timed out")
        // The server sleeps 10 s; the bound leaves room for a loaded CI machine.
        #expect(Date().timeIntervalSince(start) < 6, "the server sleeps 10 s")
        let r = try Self.eval(#"http.send({"method": "get", "url": "\#(url)", "timeout": 500000000, "raise_error": false})"#)
        #expect(r?[.string("error")]?[.string("code")] == .string("eval_http_send_network_error"))
    }

    /// Server hits after two queries, each sending the same request twice.
    static func hits(_ path: String, _ options: String, server: HTTPTestServer) throws -> Int {
        let call = #"http.send({"method": "get", "url": "\#(server.base)\#(path)"\#(options)}).body"#
        let engine = try RegoEngine(modules: [], options: RegoEngine.Options(strictBuiltinErrors: true, allowNet: true))
        for _ in 0..<2 {
            let out = try engine.evaluate(query: "a := \(call); b := \(call)")
            #expect(out.results.count == 1)
        }
        return try server.hits(path)
    }

    @Test("caching: per query always; across queries with cache (max-age) or force_cache", arguments: [
        ("/uncached", "", 2),  // one request per query, not per call
        ("/cached", "", 2),  // max-age alone does nothing without cache: true
        ("/cached", #", "cache": true"#, 1),
        ("/nostore", #", "cache": true"#, 2),
        ("/uncached", #", "cache": true"#, 2),  // no freshness information: not stored
        ("/uncached", #", "force_cache": true, "force_cache_duration_seconds": 60"#, 1),
        ("/nostore", #", "force_cache": true, "force_cache_duration_seconds": 60"#, 1),
        ("/status/500", "", 4),  // error statuses are not memoised (OPA's cacheable codes)
    ])
    func caching(path: String, options: String, want: Int) throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        #expect(try Self.hits(path, options, server: server) == want)
    }

    /// `/shortlived` has `max-age=3`, counted from its whole-second `Date` header as OPA does: the entry is
    /// fresh for at least 2 s after the first request (time for the second query on a loaded machine) and
    /// stale 3.2 s after it. (With `max-age=1` a response sent late in a second was stale within
    /// milliseconds, which made this test flaky.)
    @Test("a cached response expires after max-age")
    func expiry() throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        #expect(try Self.hits("/shortlived", #", "cache": true"#, server: server) == 1)
        Thread.sleep(forTimeInterval: 3.2)
        #expect(try Self.hits("/shortlived", #", "cache": true"#, server: server) == 2)
    }
}
