import Foundation
import StrataRego
import StrataRegoAST
import Yams
import _StrataTestSupport

/// One case of OPA's conformance YAML (see ../shared/conformance/opa/README.md).
struct ConformanceCase: Sendable, CustomStringConvertible {
    var file: String
    var note: String
    var query: String
    var modules: [String]
    var data: Value?
    var input: Value?
    var inputTerm: String?
    var wantResult: [[String: Value]]?
    var wantErrorCode: String?
    var wantError: String?
    var sortBindings: Bool
    var strictError: Bool

    var description: String { note }

    static func loadAll() throws -> [ConformanceCase] {
        let root = RepoPaths.shared("conformance/opa/cases")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted() ?? []
        var out: [ConformanceCase] = []
        for f in files {
            let text = try String(contentsOf: root.appendingPathComponent(f), encoding: .utf8)
            guard case .object(let doc)? = try YAMLConversion.parse(text), case .array(let cases)? = doc[.string("cases")] else { continue }
            for c in cases { if case .object(let dict) = c { out.append(ConformanceCase(file: f, dict)) } }
        }
        return out
    }

    init(file: String, _ d: [Value: Value]) {
        func str(_ k: String) -> String? { d[.string(k)]?.stringValue }
        self.file = file
        note = str("note") ?? file
        query = str("query") ?? ""
        if case .array(let ms)? = d[.string("modules")] { modules = ms.compactMap(\.stringValue) } else { modules = [] }
        data = d[.string("data")]
        input = d[.string("input")]
        inputTerm = str("input_term")
        if case .array(let rows)? = d[.string("want_result")] {
            wantResult = rows.map { row in
                guard case .object(let o) = row else { return [:] }
                return Dictionary(uniqueKeysWithValues: o.map { ($0.key.stringValue ?? "", $0.value) })
            }
        }
        wantErrorCode = str("want_error_code")
        wantError = str("want_error")
        sortBindings = d[.string("sort_bindings")] == .true
        strictError = d[.string("strict_error")] == .true
    }
}
