import Foundation
import Testing
import _StrataTestSupport

/// `strata rego eval|test|check` through the binary: OPA's output shape and exit codes.
@Suite struct RegoCommandTests {
    static func policyDirectory() throws -> URL {
        let dir = try TestEnvironment.temporaryDirectory("rego")
        let pol = dir.appendingPathComponent("pol/k8s")
        try FileManager.default.createDirectory(at: pol, withIntermediateDirectories: true)
        try Data("""
            package k8s

            import rego.v1

            deny contains msg if {
            \tsome c in input.spec.containers
            \tc.securityContext.privileged
            \tmsg := sprintf("container %s is privileged", [c.name])
            }

            registries := data.k8s.allowed
            """.utf8).write(to: pol.appendingPathComponent("deny.rego"))
        try Data("""
            package k8s

            import rego.v1

            test_privileged if count(deny) == 1 with input as {"spec": {"containers": [{"name": "a", "securityContext": {"privileged": true}}]}}

            test_clean if count(deny) == 0 with input as {"spec": {"containers": [{"name": "a"}]}}
            """.utf8).write(to: pol.appendingPathComponent("deny_test.rego"))
        try Data(#"{"allowed": ["ghcr.io"]}"#.utf8).write(to: pol.appendingPathComponent("data.json"))
        try Data(#"{"spec": {"containers": [{"name": "web", "securityContext": {"privileged": true}}]}}"#.utf8).write(to: dir.appendingPathComponent("input.json"))
        return dir
    }

    @Test func evalPrintsOPAsJSONShape() throws {
        let dir = try RegoCommandTests.policyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(["rego", "eval", "-d", "pol", "-i", "input.json", "data.k8s.deny"], cwd: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let expr = try #require(((doc["result"] as? [[String: Any]])?.first?["expressions"] as? [[String: Any]])?.first)
        #expect(expr["value"] as? [String] == ["container web is privileged"])
        #expect(expr["text"] as? String == "data.k8s.deny")
        #expect((expr["location"] as? [String: Int]) == ["row": 1, "col": 1])
    }

    @Test func dataFilesNestUnderTheirDirectory() throws {
        let dir = try RegoCommandTests.policyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(["rego", "eval", "-d", "pol", "data.k8s.registries", "--format", "raw"], cwd: dir.path)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == #"["ghcr.io"]"#, "\(r.stderr)")
    }

    static let failCases: [([String], Int32)] = [
        (["data.k8s.nope", "--fail"], 1),
        (["data.k8s.nope"], 0),
        (["data.k8s.deny", "--fail-defined", "-i", "input.json"], 1),
        (["data.k8s.deny", "--fail", "-i", "input.json"], 0),
    ]

    @Test(arguments: failCases)
    func failFlags(args: [String], expected: Int32) throws {
        let dir = try RegoCommandTests.policyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI().run(["rego", "eval", "-d", "pol"] + args, cwd: dir.path)
        #expect(r.status == expected, "\(args): \(r.stdout) \(r.stderr)")
        if args.first == "data.k8s.nope" { #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}") }
    }

    @Test func testCommandExitCodes() throws {
        let dir = try RegoCommandTests.policyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = try CLI().run(["rego", "test", "pol"], cwd: dir.path)
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(ok.stdout.contains("PASS: 2/2"))
        try Data("package k8s\nimport rego.v1\ntest_wrong if count(deny) == 3\n".utf8).write(to: dir.appendingPathComponent("pol/k8s/wrong_test.rego"))
        let failing = try CLI().run(["rego", "test", "pol"], cwd: dir.path)
        #expect(failing.status == 2)
        #expect(failing.stdout.contains("data.k8s.test_wrong: FAIL"))
        let filtered = try CLI().run(["rego", "test", "pol", "--run", "clean", "-v"], cwd: dir.path)
        #expect(filtered.status == 0)
        #expect(filtered.stdout.contains("PASS: 1/1"))
    }

    @Test func parseErrorsCarryLocationAndExitTwo() throws {
        let dir = try TestEnvironment.temporaryDirectory("rego-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("package x\np if {\n".utf8).write(to: dir.appendingPathComponent("bad.rego"))
        let check = try CLI().run(["rego", "check", "bad.rego"], cwd: dir.path)
        #expect(check.status == 2)
        #expect(check.stderr.contains("bad.rego:3"))
        #expect(check.stderr.contains("rego_parse_error"))
        let eval = try CLI().run(["rego", "eval", "-d", "bad.rego", "data.x"], cwd: dir.path)
        #expect(eval.status == 2)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
        let first = try #require((doc["errors"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "rego_parse_error")
    }

    @Test func fmtIsIdempotentAndWrites() throws {
        let dir = try TestEnvironment.temporaryDirectory("rego-fmt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.rego")
        try Data("package x\nimport rego.v1\np   if {input.a==1}\n".utf8).write(to: file)
        let listed = try CLI().run(["rego", "fmt", "--list", "--fail", "p.rego"], cwd: dir.path)
        #expect(listed.status == 2)
        #expect(listed.stdout.contains("p.rego"))
        let written = try CLI().run(["rego", "fmt", "--write", "p.rego"], cwd: dir.path)
        #expect(written.status == 0, "\(written.stderr)")
        let once = try String(contentsOf: file, encoding: .utf8)
        #expect(once.contains("input.a == 1"))
        let again = try CLI().run(["rego", "fmt", "--list", "--fail", "p.rego"], cwd: dir.path)
        #expect(again.status == 0, "formatting is idempotent: \(again.stdout)")
        #expect(again.stdout.isEmpty)
    }

    @Test func trivyBuiltinsAreOptIn() throws {
        let dir = try TestEnvironment.temporaryDirectory("rego-trivy")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("package t\nimport rego.v1\npublic if cidr.is_public(\"8.8.8.0/24\")\n".utf8).write(to: dir.appendingPathComponent("t.rego"))
        let plain = try CLI().run(["rego", "eval", "-d", "t.rego", "data.t.public"], cwd: dir.path)
        #expect(plain.status == 2, "cidr.is_public is not an OPA builtin: \(plain.stdout)")
        let trivy = try CLI().run(["rego", "eval", "--trivy-builtins", "-d", "t.rego", "data.t.public", "--format", "raw"], cwd: dir.path)
        #expect(trivy.status == 0, "\(trivy.stdout)\(trivy.stderr)")
        #expect(trivy.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "true")
    }
}
