import Foundation
import StrataRego
import StrataRegoAST

/// One case of regorus' interpreter YAML (../shared/corpora/rego/README.md § regorus-cases), with OPA's verdict
/// from OPA_CROSSCHECK.json. OPA is the reference; regorus' expectation is a second opinion.
struct RegorusCase {
    enum Verdict {
        /// OPA gives the case's expected result.
        case agree
        /// The case expects an error and OPA fails too.
        case errorAgree
        /// OPA answers something else (JSON of its shaped results, possibly cut at 300 characters).
        case opaAnswers(String)
        /// OPA rejects the program (mostly its static type checker) where regorus answers.
        case opaError(String)
        case skip(String)
    }

    var key: String
    var file: String
    var modules: [String]
    var data: Value?
    /// nil = no input document; several = evaluate once per input (`many!`).
    var inputs: [Value?]
    var query: String
    var want: [Value]?
    var expectsError: Bool
    var verdict: Verdict

    static func loadAll(root: URL) throws -> [RegorusCase] {
        let verdicts = try RegoEngine.parseJSON(String(contentsOf: root.appendingPathComponent("OPA_CROSSCHECK.json"), encoding: .utf8))
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var out: [RegorusCase] = []
        for f in files {
            guard case .object(let doc)? = try YAMLConversion.parse(String(contentsOf: root.appendingPathComponent(f), encoding: .utf8)),
                  case .array(let cases)? = doc[.string("cases")] else { continue }
            for (i, c) in cases.enumerated() {
                guard case .object(let d) = c else { continue }
                let note = d[.string("note")]?.stringValue ?? ""
                let key = "\(f)::\(String(format: "%03d", i))::\(note)"
                let raw = verdicts[.string(key)]?.stringValue ?? "skip: no OPA verdict"
                out.append(RegorusCase(key: key, file: f, d, verdict: Self.verdict(raw)))
            }
        }
        return out
    }

    private static func verdict(_ raw: String) -> Verdict {
        func rest(_ prefix: String) -> String { String(raw.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
        if raw == "agree" { return .agree }
        if raw == "error-agree" { return .errorAgree }
        if raw.hasPrefix("differ:") { return .opaAnswers(rest("differ:")) }
        if raw.hasPrefix("error-differ:") { return .opaAnswers(rest("error-differ:")) }
        if raw.hasPrefix("opa-error:") { return .opaError(rest("opa-error:")) }
        return .skip(raw)
    }

    init(key: String, file: String, _ d: [Value: Value], verdict: Verdict) {
        self.key = key
        self.file = file
        self.verdict = verdict
        if case .array(let ms)? = d[.string("modules")] { modules = ms.compactMap(\.stringValue) } else { modules = [] }
        data = d[.string("data")]
        query = d[.string("query")]?.stringValue ?? ""
        if let input = d[.string("input")] {
            if case .array(let many)? = input[.string("many!")] { inputs = many.map { $0 } } else { inputs = [input] }
        } else {
            inputs = [nil]
        }
        if let w = d[.string("want_result")] {
            if case .array(let many)? = w[.string("many!")] { want = many.map(Self.expected) } else { want = [Self.expected(w)] }
        }
        expectsError = d[.string("error")] != nil
    }

    /// regorus' markers: `{"set!": [...]}` is a set.
    static func expected(_ v: Value) -> Value {
        switch v {
        case .object(let o):
            if o.count == 1, case .array(let items)? = o[.string("set!")] { return .set(Set(items.map(expected))) }
            return .object(Dictionary(uniqueKeysWithValues: o.map { ($0.key, expected($0.value)) }))
        case .array(let a): return .array(a.map(expected))
        default: return v
        }
    }

    /// Results shaped as regorus' harness does: one result → its bindings, or each expression value; several →
    /// per result its bindings or the array of its expression values; undefined → nothing.
    static func shape(_ results: [QueryResult]) -> [Value] {
        func bindings(_ r: QueryResult) -> Value {
            .object(Dictionary(uniqueKeysWithValues: r.bindings.map { (Value.string($0.key), $0.value) }))
        }
        if results.count == 1 {
            let r = results[0]
            return r.bindings.isEmpty ? r.expressions.map(\.value) : [bindings(r)]
        }
        return results.map { $0.bindings.isEmpty ? .array($0.expressions.map(\.value)) : bindings($0) }
    }

    /// Evaluates the case on Strata: modules v0 (except bindings.yaml), strict builtin errors as the oracle has them.
    func run() throws -> [Value] {
        let v0 = !file.hasSuffix("bindings.yaml")
        let engine = try RegoEngine(modules: modules.enumerated().map { (name: "rego_\($0.offset).rego", source: $0.element) },
                                    options: .init(v0Compatible: v0, strictBuiltinErrors: true))
        var out: [Value] = []
        for input in inputs {
            out += Self.shape(try engine.evaluate(query: query, data: data ?? .emptyObject, input: input).results)
        }
        return out
    }
}
