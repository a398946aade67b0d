import Foundation
import StrataRego
import StrataRegoAST
import Testing

/// Seeded random patterns through every `regex.*` builtin, in Strata and in the real OPA (Go's regexp),
/// compared case by case: submatches, find, split, replace, match, validity, and the error message of
/// invalid patterns. `STRATA_REGEX_CASES` / `STRATA_REGEX_SEED` run more.
@Suite("Regex builtins against OPA (Go regexp)")
struct RegexDifferentialTests {
    static let module = """
        package rx
        import rego.v1

        results := [one(c) | some c in input.cases]

        one(c) := {"valid": false} if not regex.is_valid(c.p)

        one(c) := r if {
            regex.is_valid(c.p)
            r := {
                "all": regex.find_all_string_submatch_n(c.p, c.s, -1),
                "find": regex.find_n(c.p, c.s, 2),
                "split": regex.split(c.p, c.s),
                "replace": regex.replace(c.s, c.p, c.t),
                "match": regex.match(c.p, c.s),
            }
        }
        """

    struct Case {
        var pattern: String, text: String, template: String
        var value: Value {
            .object([.string("p"): .string(pattern), .string("s"): .string(text), .string("t"): .string(template)])
        }
    }

    @Test("random patterns and texts agree with OPA")
    func differential() throws {
        let env = ProcessInfo.processInfo.environment
        let count = env["STRATA_REGEX_CASES"].flatMap { Int($0) } ?? 4_000
        let seed = env["STRATA_REGEX_SEED"].flatMap { UInt64($0) } ?? 20_261_201
        guard let oracle = OracleProcess.locateOrRecord() else { return }
        var gen = RegexCaseGenerator(seed: seed)
        let cases = (0..<count).map { _ in Case(pattern: gen.pattern(), text: gen.text(), template: gen.template()) }
        let chunks = stride(from: 0, to: cases.count, by: 500).map { Array(cases[$0..<min(cases.count, $0 + 500)]) }
        var programs = chunks.enumerated().map { i, chunk in
            FuzzProgram(index: i, module: Self.module, data: .object([:]),
                        input: .object([.string("cases"): .array(chunk.map(\.value))]), query: "data.rx.results")
        }
        // Each invalid pattern once more on its own, for the error message.
        let invalid = cases.filter { (try? RegexDiff.compiles($0.pattern)) == false }
        for (k, c) in invalid.enumerated() {
            programs.append(FuzzProgram(index: programs.count + k, module: "package rx\n", data: .object([:]),
                                        input: .object([.string("p"): .string(c.pattern)]), query: "regex.match(input.p, \"\")"))
        }
        let globs = (0..<max(1, count / 4)).map { _ in (gen.glob(), gen.glob()) }
        programs.append(FuzzProgram(index: programs.count, module: "package rx\n", data: .object([:]),
                                    input: .array(globs.map { .array([.string($0.0), .string($0.1)]) }),
                                    query: "[regex.globs_match(g[0], g[1]) | some g in input]"))
        let lines = try oracle.run(programs, processes: 2)
        var agree = 0, disagree: [String] = []
        for (i, chunk) in chunks.enumerated() {
            let theirs = try RegexDiff.resultArray(lines[i])
            let mine = try RegexDiff.strataArray(programs[i])
            for (k, c) in chunk.enumerated() {
                let a = k < mine.count ? mine[k] : .null, b = k < theirs.count ? theirs[k] : .null
                if a == b { agree += 1 } else {
                    disagree.append("pattern \(Value.string(c.pattern).jsonString()) text \(Value.string(c.text).jsonString()) template \(Value.string(c.template).jsonString())\n  strata \(a.jsonString())\n  opa    \(b.jsonString())")
                }
            }
        }
        var messagesAgree = 0
        for (k, c) in invalid.enumerated() {
            let theirs = RegexDiff.errorMessage(lines[chunks.count + k])
            let mine = RegexDiff.strataError(programs[chunks.count + k])
            if theirs == mine { messagesAgree += 1 } else {
                disagree.append("pattern \(Value.string(c.pattern).jsonString()) error\n  strata \(mine)\n  opa    \(theirs)")
            }
        }
        let theirGlobs = try RegexDiff.resultArray(lines[programs.count - 1])
        let myGlobs = try RegexDiff.strataArray(programs[programs.count - 1])
        var globsAgree = 0
        for (k, g) in globs.enumerated() {
            let a = k < myGlobs.count ? myGlobs[k] : .null, b = k < theirGlobs.count ? theirGlobs[k] : .null
            if a == b { globsAgree += 1 } else { disagree.append("globs_match(\(g.0), \(g.1)): strata \(a), opa \(b)") }
        }
        print("regex differential: \(agree) of \(cases.count) cases agree, \(messagesAgree) of \(invalid.count) error messages agree, \(globsAgree) of \(globs.count) globs_match pairs agree")
        #expect(disagree.isEmpty, Comment(rawValue: "\(disagree.count) disagreements:\n" + disagree.prefix(30).joined(separator: "\n")))
        #expect(invalid.count > count / 20, "the generator should produce invalid patterns too")
    }
}

enum RegexDiff {
    static func compiles(_ pattern: String) throws -> Bool {
        let out = try RegoEngine(modules: []).evaluate(query: "x := regex.is_valid(input.p)", input: .object([.string("p"): .string(pattern)]))
        return out.results.first?.bindings["x"] == .true
    }

    static func resultArray(_ line: String) throws -> [Value] {
        let v = try RegoEngine.parseJSON(line)
        guard case .object(let o) = v, case .array(let rows)? = o[.string("result")], case .object(let row)? = rows.first,
              case .array(let exprs)? = row[.string("expressions")], case .object(let e)? = exprs.first,
              case .array(let values)? = e[.string("value")] else {
            throw RegoError(.evalBuiltin, "unexpected oracle answer: \(line.prefix(500))")
        }
        return values
    }

    static func strataArray(_ p: FuzzProgram) throws -> [Value] {
        let engine = try RegoEngine(modules: [(name: FuzzProgram.moduleName, source: p.module)], options: .init(strictBuiltinErrors: true))
        let out = try engine.evaluate(query: p.query, data: p.data, input: p.input)
        guard case .array(let values)? = out.results.first?.expressions.first?.value else { return [] }
        return values
    }

    static func errorMessage(_ line: String) -> String {
        guard let v = try? RegoEngine.parseJSON(line), case .object(let o) = v, case .array(let errs)? = o[.string("errors")],
              case .object(let e)? = errs.first, case .string(let m)? = e[.string("message")] else { return "no error: \(line.prefix(300))" }
        return m
    }

    static func strataError(_ p: FuzzProgram) -> String {
        do {
            let engine = try RegoEngine(modules: [(name: FuzzProgram.moduleName, source: p.module)], options: .init(strictBuiltinErrors: true))
            _ = try engine.evaluate(query: p.query, data: p.data, input: p.input)
            return "no error"
        } catch {
            return error.message
        }
    }
}
