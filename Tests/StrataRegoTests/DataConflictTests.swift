import StrataRego
import StrataRegoAST
import Testing

/// Rules against base documents at the same path: the answers of `opa eval` (OPA v1.20.2 through
/// ../shared/tools/opa-oracle, data loaded into its store) for these data/module pairs.
@Suite("rule paths that conflict with base data")
struct DataConflictTests {
    static let cases: [(data: String, module: String, conflict: String?)] = [
        (#"{"topdown": 1}"#, "package topdown.conflicts\nk := 1", "topdown/conflicts/k"),
        (#"{"topdown": {"conflicts": {}}}"#, "package topdown.conflicts\nk := 1", nil),
        (#"{"topdown": {"conflicts": {"k": {}}}}"#, "package topdown.conflicts\nk := 1", "topdown/conflicts/k"),
        (#"{"topdown": {"conflicts": {"k": {"a": 1}}}}"#, "package topdown.conflicts\nk.b := 1", nil),
        (#"{"topdown": {"conflicts": {"k": {"a": 1}}}}"#, "package topdown.conflicts\nk[x] := 1 if x := \"b\"", "topdown/conflicts/k"),
        (#"{"topdown": {"conflicts": {"k": [1]}}}"#, "package topdown.conflicts\nk contains 1", "topdown/conflicts/k"),
        (#"{"topdown": {"c": {"k": 1}}}"#, "package topdown\nc.k.z := 1", "topdown/c/k/z"),
        (#"{"topdown": {"conflicts": {"k": null}}}"#, "package topdown.conflicts\nk := 1", "topdown/conflicts/k"),
        (#"{"topdown": {"conflicts": {"k": 1}}}"#, "package topdown.conflicts\nf(x) := 1\nk(x) := 2", "topdown/conflicts/k"),
        (#"{"other": {"k": 1}}"#, "package topdown.conflicts\nk := 1", nil),
    ]

    @Test("conflicts are rego_compile_error with the rule's data path", arguments: cases)
    func conflict(_ c: (data: String, module: String, conflict: String?)) throws {
        let engine = try RegoEngine(modules: [(name: "a.rego", source: c.module)])
        let data = try RegoEngine.parseJSON(c.data)
        do {
            try engine.policy.checkDataConflicts(data)
            #expect(c.conflict == nil, "expected a conflict at \(c.conflict ?? "")")
        } catch {
            #expect(error.code == .compile)
            #expect(error.message == "conflicting rule for data path \(c.conflict ?? "?") found")
        }
    }
}
