import Foundation
import Testing
import _StrataTestSupport

/// A local HTTP server for `http.send` tests: a small Python script written to a temporary
/// directory, bound to 127.0.0.1 on a free port, stopped (stdin closed) by `stop()`.
final class HTTPTestServer: @unchecked Sendable {
    let base: String
    private let process: BackgroundProcess
    private let dir: URL

    init() throws {
        dir = try TestEnvironment.temporaryDirectory("http-send")
        let script = dir.appendingPathComponent("server.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        process = try BackgroundProcess("/usr/bin/env", ["python3", script.path])
        let port = try #require(Int(process.firstLine), "server did not report a port: \(process.firstLine)")
        base = "http://127.0.0.1:\(port)"
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: dir)
    }

    /// How often the server answered `path` (read through the network, not through http.send).
    func hits(_ path: String) throws -> Int {
        let data = try Data(contentsOf: URL(string: base + "/count?path=" + path)!)
        return try #require(Int(String(decoding: data, as: UTF8.self)))
    }

    static let script = #"""
    import json, socket, sys, threading, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urlparse, parse_qs

    hits = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, code, body, ctype=None, headers=()):
            data = body.encode()
            self.send_response(code)
            if ctype:
                self.send_header("Content-Type", ctype)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def handle_any(self):
            url = urlparse(self.path)
            path = url.path
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            if path != "/count":
                with lock:
                    hits[path] = hits.get(path, 0) + 1
            if path == "/count":
                name = parse_qs(url.query).get("path", [""])[0]
                self.reply(200, str(hits.get(name, 0)), "text/plain")
            elif path == "/json":
                self.reply(200, json.dumps({"hello": "world", "n": [1, 2]}), "application/json; charset=utf-8")
            elif path == "/problem":
                self.reply(200, '{"type": "x"}', "application/problem+json")
            elif path == "/yaml":
                self.reply(200, "a: 1\nb: [x, z]\n", "application/yaml")
            elif path == "/text":
                self.reply(200, "plain text", "text/plain")
            elif path == "/textjson":
                self.reply(200, '{"k": true}', "text/plain")
            elif path == "/textyaml":
                self.reply(200, "k: [1, 2]\n", "text/plain")
            elif path == "/badjson":
                self.reply(200, "not json{", "application/json")
            elif path == "/redirect":
                self.reply(302, "", None, [("Location", "/json")])
            elif path.startswith("/status/"):
                self.reply(int(path[len("/status/"):]), "status", "text/plain")
            elif path == "/echo":
                headers = {k.lower(): v for k, v in self.headers.items()}
                self.reply(200, json.dumps({"method": self.command, "headers": headers, "body": body}), "application/json")
            elif path == "/cached":
                self.reply(200, json.dumps({"n": hits[path]}), "application/json", [("Cache-Control", "public, max-age=60")])
            elif path == "/shortlived":
                self.reply(200, json.dumps({"n": hits[path]}), "application/json", [("Cache-Control", "max-age=3")])
            elif path == "/nostore":
                self.reply(200, json.dumps({"n": hits[path]}), "application/json", [("Cache-Control", "no-store, max-age=60")])
            elif path == "/uncached":
                self.reply(200, json.dumps({"n": hits[path]}), "application/json")
            elif path == "/slow":
                time.sleep(10)
                self.reply(200, "late", "text/plain")
            else:
                self.reply(404, "not found", "text/plain")

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # the test closes stdin to stop the server
    server.shutdown()
    """#
}
