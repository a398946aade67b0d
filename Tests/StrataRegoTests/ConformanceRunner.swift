import Foundation
import StrataRego
import StrataRegoAST

/// Runs one conformance case through the engine and says whether the outcome matches.
enum ConformanceRunner {
    enum Outcome: Sendable { case pass, fail(String) }

    static func run(_ c: ConformanceCase) -> Outcome {
        do {
            let rows = try evaluate(c)
            if let code = c.wantErrorCode { return .fail("wanted error \(code), got \(rows.count) rows") }
            if c.wantError != nil { return .fail("wanted error \(c.wantError!), got result") }
            guard let want = c.wantResult else { return .fail("case has no expectation") }
            let got = rows.map { normalise($0, sort: c.sortBindings) }
            let expected = want.map { normalise($0, sort: c.sortBindings) }
            if Set(got) == Set(expected), got.count == expected.count { return .pass }
            return .fail("want \(expected.map { Value.object($0).jsonString() }) got \(got.map { Value.object($0).jsonString() })")
        } catch let error as RegoError {
            if let code = c.wantErrorCode, code == error.code.rawValue { return .pass }
            let short = error.location.map { "\($0.file):\($0.row): \(error.code.rawValue): \(error.message)" } ?? error.description
            if c.wantErrorCode == nil, let msg = c.wantError, error.message.contains(msg) || short.contains(msg) { return .pass }
            return .fail("error \(error)")
        } catch {
            return .fail("error \(error)")
        }
    }

    static func evaluate(_ c: ConformanceCase) throws -> [[String: Value]] {
        let modules = c.modules.enumerated().map { (name: "test-\($0.offset).rego", source: $0.element) }
        let engine = try RegoEngine(modules: modules, options: .init(strictBuiltinErrors: c.strictError))
        var input = c.input
        if let term = c.inputTerm { input = try RegoEngine.parseValue(term) }
        let output = try engine.evaluate(query: c.query, data: c.data ?? .emptyObject, input: input)
        return output.results.map { row in row.bindings }
    }

    /// Sets in expectations are YAML lists; compare by turning sets into sorted arrays.
    static func normalise(_ row: [String: Value], sort: Bool) -> [Value: Value] {
        Dictionary(uniqueKeysWithValues: row.map { (Value.string($0.key), normalise($0.value, sort: sort)) })
    }

    static func normalise(_ v: Value, sort: Bool) -> Value {
        let roundTripped = (try? RegoEngine.parseJSON(v.jsonString())) ?? v
        return sorted(roundTripped, sort: sort)
    }

    static func sorted(_ v: Value, sort: Bool) -> Value {
        switch v {
        case .array(let a):
            let items = a.map { sorted($0, sort: sort) }
            return .array(sort ? items.sorted() : items)
        case .object(let o): return .object(Dictionary(uniqueKeysWithValues: o.map { ($0.key, sorted($0.value, sort: sort)) }))
        default: return v
        }
    }
}
