import Foundation
import Testing
import _StrataTestSupport

/// `--allow-net` on `rego eval` and `rego test`: http.send and net.lookup_ip_addr are refused without it.
@Suite struct RegoAllowNetTests {
    static let closedPort = #"http.send({"method": "get", "url": "http://127.0.0.1:1/", "raise_error": false}).error.code"#

    @Test("eval", arguments: [([String](), 2, "http.send: network access is disabled (use --allow-net)"),
                              (["--allow-net"], 0, "eval_http_send_network_error")])
    func eval(flags: [String], status: Int32, output: String) throws {
        let r = try CLI().run(["rego", "eval"] + flags + ["--format", "raw", Self.closedPort])
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stdout.contains(output), "\(r.stdout)")
    }

    @Test("test", arguments: [([String](), 2, "ERROR"), (["--allow-net"], 0, "PASS: 1/1")])
    func test(flags: [String], status: Int32, output: String) throws {
        let dir = try TestEnvironment.temporaryDirectory("rego-net")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("package net\n\ntest_lookup if net.lookup_ip_addr(\"127.0.0.1\") == {\"127.0.0.1\"}\n".utf8)
            .write(to: dir.appendingPathComponent("net_test.rego"))
        let r = try CLI().run(["rego", "test"] + flags + ["."], cwd: dir.path)
        #expect(r.status == status, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(output), "\(r.stdout)")
    }
}
