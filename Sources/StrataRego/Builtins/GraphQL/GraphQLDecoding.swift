import StrataRegoAST

/// Reads an AST object (as `graphql.parse_query` returns it) back into the typed AST, the way
/// OPA does with `json.Unmarshal`: missing keys and nulls are zero values, wrong types are errors,
/// and every selection is read as a field.
struct GraphQLObjectReader {
    let dict: [Value: Value]
    let path: String

    init(_ value: Value, path: String) throws(GraphQLError) {
        guard case .object(let d) = value else { throw Self.mismatch(path, "object", value) }
        dict = d
        self.path = path
    }

    static func mismatch(_ path: String, _ want: String, _ got: Value) -> GraphQLError {
        GraphQLError("cannot unmarshal \(got.typeName) into \(path) of type \(want)", line: 0, column: 0)
    }

    private func present(_ key: String) -> Value? {
        guard let v = dict[.string(key)], v != .null else { return nil }
        return v
    }

    func string(_ key: String) throws(GraphQLError) -> String {
        guard let v = present(key) else { return "" }
        guard case .string(let s) = v else { throw Self.mismatch("\(path).\(key)", "string", v) }
        return s
    }

    func bool(_ key: String) throws(GraphQLError) -> Bool {
        guard let v = present(key) else { return false }
        guard case .bool(let b) = v else { throw Self.mismatch("\(path).\(key)", "bool", v) }
        return b
    }

    func int(_ key: String) throws(GraphQLError) -> Int {
        guard let v = present(key) else { return 0 }
        guard case .number(let n) = v, let i = n.intValue else { throw Self.mismatch("\(path).\(key)", "int", v) }
        return i
    }

    func object(_ key: String) throws(GraphQLError) -> GraphQLObjectReader? {
        guard let v = present(key) else { return nil }
        return try GraphQLObjectReader(v, path: "\(path).\(key)")
    }

    func list<T>(_ key: String, _ item: (GraphQLObjectReader) throws(GraphQLError) -> T) throws(GraphQLError) -> [T] {
        guard let v = present(key) else { return [] }
        guard case .array(let items) = v else { throw Self.mismatch("\(path).\(key)", "array", v) }
        var out: [T] = []
        for element in items { out.append(try item(try GraphQLObjectReader(element, path: "\(path).\(key)"))) }
        return out
    }

    func strings(_ key: String) throws(GraphQLError) -> [String] {
        guard let v = present(key) else { return [] }
        guard case .array(let items) = v else { throw Self.mismatch("\(path).\(key)", "array", v) }
        var out: [String] = []
        for element in items {
            guard case .string(let s) = element else { throw Self.mismatch("\(path).\(key)", "string", element) }
            out.append(s)
        }
        return out
    }
}
