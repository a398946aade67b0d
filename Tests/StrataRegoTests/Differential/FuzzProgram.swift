import StrataRegoAST

/// One generated test case: a Rego v1 module, its data and input, and the query run on both engines.
struct FuzzProgram: Sendable {
    var index: Int
    var module: String
    var data: Value
    var input: Value?
    var query: String = "data.fuzz"

    static let moduleName = "fuzz.rego"

    /// The oracle's JSON Lines request (`opa_oracle.py --batch`).
    var oracleRequest: String {
        var request: [Value: Value] = [
            .string("modules"): .object([.string(Self.moduleName): .string(module)]),
            .string("data"): data,
            .string("query"): .string(query),
        ]
        if let input { request[.string("input")] = input }
        return Value.object(request).jsonString()
    }
}
