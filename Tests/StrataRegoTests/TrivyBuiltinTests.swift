import Testing
@testable import StrataRego
import StrataRegoAST

/// Trivy's builtins, table-driven; expectations from Trivy's documented behaviour, checked against
/// `../shared/tools/opa-oracle/trivy_builtins.py`.
@Suite("Trivy builtins")
struct TrivyBuiltinTests {
    func eval(_ expr: String) throws -> String? {
        var options = RegoEngine.Options()
        options.builtins = .trivy
        let out = try RegoEngine(modules: [], options: options).evaluate(query: "x := " + expr)
        return out.results.first?.bindings["x"]?.jsonString()
    }

    @Test("the registry is standard plus six")
    func registry() {
        #expect(BuiltinRegistry.trivy.table.count == BuiltinRegistry.standard.table.count + 6)
        for name in ["result.new", "isManaged", "sh.parse_commands", "squealer.scan_string", "cidr.is_public", "cidr.count_addresses"] {
            #expect(BuiltinRegistry.trivy[name] != nil && BuiltinRegistry.standard[name] == nil, "\(name)")
        }
    }

    @Test("result.new and isManaged", arguments: [
        (#"result.new("m", {})"#,
         #"{"endline":0,"explicit":false,"filepath":"","fskey":"","managed":true,"msg":"m","parent":null,"resource":"","sourceprefix":"","startline":0}"#),
        (#"result.new("m", {"__defsec_metadata": {"startline": 3, "endline": 5, "filepath": "a.tf", "managed": false}}).startline"#, "3"),
        (#"result.new("m", {"StartLine": 7, "EndLine": 9, "Path": "Dockerfile"}).filepath"#, #""Dockerfile""#),
        (#"result.new("m", {"StartLine": 7, "startline": 1}).startline"#, "7"),
        (#"result.new("m", {"__defsec_metadata": {"parent": {"startline": 2, "resource": "r"}}}).parent"#,
         #"{"endline":0,"explicit":false,"filepath":"","fskey":"","managed":true,"parent":null,"resource":"r","sourceprefix":"","startline":2}"#),
        (#"result.new("m", {"__defsec_metadata": {"parent": null}}).parent.managed"#, "true"),
        (#"result.new("m", "text").msg"#, #""m""#),
        (#"isManaged({"__defsec_metadata": {"managed": false}})"#, "false"),
        (#"isManaged({"value": 1})"#, "true"),
    ])
    func result(expr: String, want: String) throws {
        #expect(try eval(expr) == want)
    }

    @Test("cidr.is_public and cidr.count_addresses", arguments: [
        ("*", true, "18446744073709551615"), ("Internet", true, "18446744073709551615"), ("ANY", true, "18446744073709551615"),
        ("0.0.0.0/0", true, "4294967296"), ("10.0.0.0/8", false, "16777216"), ("10.0.0.0/7", true, "33554432"),
        ("192.168.1.1", false, "1"), ("8.8.8.8", true, "1"), ("172.16.0.0/12", false, "1048576"), ("172.16.0.0/11", false, "2097152"),
        ("::1", false, "1"), ("fe80::1", false, "1"), ("2001:db8::/32", true, "18446744073709551615"),
        ("fc00::/7", false, "18446744073709551615"), ("100.64.0.1", false, "1"), ("bad", false, "0"), ("1.2.3.4/33", false, "0"),
        ("10.0.0.1-10.0.0.5", true, "0"), ("::ffff:10.0.0.1", false, "1"), ("abcd-efgh", true, "0"),
    ])
    func cidr(text: String, isPublic: Bool, count: String) throws {
        #expect(try eval("cidr.is_public(\"\(text)\")") == String(isPublic))
        #expect(try eval("cidr.count_addresses(\"\(text)\")") == count)
    }

    @Test("squealer.scan_string", arguments: [
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "Check for AWS Access Key Id"),
        ("password=hunter2", "Password literal text"), ("nothing here", nil),
        ("-----BEGIN RSA PRIVATE KEY-----", "Private Asymetric Key"), ("xoxb-12345", ""),
        ("token: ghp_abcdefghijklmnopqrstuvwxyz0123456789", "Check for new Github Token"),
        ("sk-abc", "OpenAI Secret Key"), ("echo hello", nil),
    ] as [(String, String?)])
    func squealer(text: String, description: String?) throws {
        let found = try Squealer.firstMatch(in: text, nil)
        #expect(found?.description == description)
    }

    @Test("every squealer rule compiles (a string no rule matches tries them all)")
    func squealerRules() throws {
        #expect(Squealer.rules.count == 47)
        #expect(try Squealer.firstMatch(in: "", nil) == nil)
    }

    @Test("sh.parse_commands", arguments: [
        ("apt-get update && apt-get install -y curl", [["apt-get", "update"], ["apt-get", "install", "-y", "curl"]]),
        ("apt-get update -y ; apt-get install -y curl", [["apt-get", "update", "-y"], ["apt-get", "install", "-y", "curl"]]),
        (#"if [ "$TBB" == "default" ]; then  yum -y install tbb tbb-devel && yum clean -y all ; fi"#,
         [["[", #""$TBB""#, "==", #""default""#, "]"], ["yum", "-y", "install", "tbb", "tbb-devel"], ["yum", "clean", "-y", "all"]]),
        ("FOO=bar make install > /dev/null 2>&1", [["make", "install"]]),
        (#"cat a | grep 'x y' || echo "no\"pe""#, [["cat", "a"], ["grep", "'x y'"], ["echo", #""no\"pe""#]]),
        ("apk add \\\n  curl \\\n  git", [["apk", "add", "curl", "git"]]),
        ("export A=1 && echo $(date +%s)", [["echo", "$(date +%s)"], ["date", "+%s"]]),
        ("(cd /tmp; ls) && { echo a; }", [["cd", "/tmp"], ["ls"], ["echo", "a"]]),
        ("for f in a b; do rm $f; done", [["rm", "$f"]]),
        ("[[ -f x ]] && echo y", [["echo", "y"]]),
        ("echo `uname -a`", [["echo", "`uname -a`"], ["uname", "-a"]]),
        ("echo ${HOME}/x # comment", [["echo", "${HOME}/x"]]),
        ("", []),
    ])
    func shell(script: String, want: [[String]]) throws {
        #expect(try ShellParser.commands(in: script) == want)
    }

    @Test("sh.parse_commands rejects bad syntax", arguments: ["echo 'unterminated", "&& ls", "ls &&", "echo $(ls"])
    func shellErrors(script: String) {
        #expect(throws: ShellSyntaxError.self) { try ShellParser.commands(in: script) }
    }
}
