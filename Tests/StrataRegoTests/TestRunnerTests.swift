import Testing
import StrataRego
import StrataRegoAST

@Suite("opa test runner")
struct TestRunnerTests {
    @Test("finds test_ rules and reports pass, fail, error and skipped")
    func runner() throws {
        let policy = "package app\nallow if input.user == \"admin\""
        let tests = """
        package app_test
        import data.app
        test_admin if app.allow with input as {"user": "admin"}
        test_guest if app.allow with input as {"user": "guest"}
        test_broken if 1 / 0 == 1
        todo_test_later if true
        """
        let engine = try RegoEngine(modules: [("app.rego", policy), ("app_test.rego", tests)], options: .init(strictBuiltinErrors: true))
        let results = RegoTestRunner.run(engine)
        let outcomes = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0.outcome) })
        #expect(outcomes["data.app_test.test_admin"] == .pass)
        #expect(outcomes["data.app_test.test_guest"] == .fail)
        if case .error? = outcomes["data.app_test.test_broken"] {} else { Issue.record("test_broken should error") }
        #expect(outcomes["data.app_test.todo_test_later"] == .skipped)
        let report = RegoTestRunner.report(results)
        #expect(report.contains("PASS: 1/4"))
        #expect(report.contains("data.app_test.test_guest: FAIL"))
    }

    @Test("parametrized test_x[name] rules pass when they produce cases", arguments: [
        ("test_cases[name] if { some name, n in {\"one\": 1, \"two\": 2}; n > 0 }", true),
        ("test_cases[name] if { some name, n in {\"one\": 1}; n > 5 }", false),
    ])
    func parametrized(rule: String, passes: Bool) throws {
        let engine = try RegoEngine(modules: [("t_test.rego", "package t_test\n" + rule)])
        let results = RegoTestRunner.run(engine)
        #expect(results.map(\.name) == ["data.t_test.test_cases"])
        #expect(results.first?.outcome == (passes ? .pass : .fail))
    }
}
