#!/usr/bin/env python3
"""A tiny HTTP server on 127.0.0.1 for `db update` tests.

usage: http_fixture_server.py FILE  — serves FILE at /db with an ETag (its SHA-256), answering
If-None-Match with 304; /truncated sends half of FILE with the full Content-Length and closes;
/missing is 404. Prints the port on stdout, then serves until stdin closes.
"""
import hashlib
import http.server
import sys
import threading

body = open(sys.argv[1], "rb").read()
etag = '"' + hashlib.sha256(body).hexdigest() + '"'


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/db":
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
server.shutdown()
