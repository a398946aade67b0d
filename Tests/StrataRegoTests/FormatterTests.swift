import Foundation
import Testing
import StrataRego
import StrataRegoAST

@Suite("rego fmt")
struct FormatterTests {
    @Test("canonical v1 output")
    func canonical() throws {
        let src = """
        package   example
        import future.keywords.in
        # the rule
        allow[x] { x := input.users[_]; x.admin == true }
        f(a) = y { y := a + 1 * 2 } else = 0 { true }
        """
        let want = """
        package example

        import future.keywords.in

        # the rule
        allow contains x if {
        \tx := input.users[_]
        \tx.admin == true
        }

        f(a) := y if {
        \ty := a + 1 * 2
        } else := 0 if {
        \ttrue
        }

        """
        #expect(try Formatter.format(src, options: ParserOptions(v0Compatible: true)) == want)
    }

    @Test("idempotent and re-parsable on every conformance module")
    func idempotent() throws {
        var checked = 0
        for c in try ConformanceCase.loadAll() {
            for m in c.modules {
                guard let once = try? Formatter.format(m) else { continue }
                let twice = try Formatter.format(once)
                #expect(once == twice, "not idempotent: \(c.note)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test("formatted modules evaluate the same")
    func semantics() throws {
        var same = 0, different: [String] = []
        for c in try ConformanceCase.loadAll() where !c.modules.isEmpty {
            guard case .pass = ConformanceRunner.run(c) else { continue }
            var formatted = c
            guard let mods = try? c.modules.map({ try Formatter.format($0) }) else { continue }
            formatted.modules = mods
            if case .pass = ConformanceRunner.run(formatted) { same += 1 } else { different.append(c.note) }
        }
        #expect(different.isEmpty, "formatting changed results: \(different.prefix(10))")
        #expect(same > 900)
    }
}
