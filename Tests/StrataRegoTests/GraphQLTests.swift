import Testing
@testable import StrataRego
import StrataRegoAST

/// The `graphql.*` builtins: hostile input never crashes or hangs, and a few parse/validate cases of
/// our own beside OPA's conformance cases (`../shared/conformance/opa/cases/graphql`).
@Suite("GraphQL builtins")
struct GraphQLTests {
    static let schema = """
    type Query { hero(episode: Episode = NEWHOPE): Character, search(text: String!): [SearchResult] }
    enum Episode { NEWHOPE EMPIRE JEDI }
    interface Character { id: ID! name: String }
    type Human implements Character { id: ID! name: String height: Float }
    type Droid implements Character { id: ID! name: String primaryFunction: String }
    union SearchResult = Human | Droid
    """

    func eval(_ expr: String) throws -> String? {
        let out = try RegoEngine(modules: [], options: .init(strictBuiltinErrors: true)).evaluate(query: "x := " + expr)
        return out.results.first?.bindings["x"]?.jsonString()
    }

    func queryError(_ text: String) -> String? {
        do { _ = try GraphQLDocuments.parseQuery(text); return nil } catch { return error.message }
    }

    func validationError(_ query: String, schema: String = Self.schema) -> String? {
        do { _ = try GraphQLDocuments.check(query: .string(query), schema: .string(schema)); return nil } catch { return error.message }
    }

    /// Hostile documents are built at test time (not test arguments, whose descriptions would be huge).
    static let hostileQueries: [String: (text: @Sendable () -> String, want: String)] = [
        "100k nested selection sets": ({ "{ a " + String(repeating: "{ a ", count: 100_000) }, "maximum depth"),
        "100k nested list values": ({ "{ a(x: " + String(repeating: "[", count: 100_000) + ") }" }, "maximum depth"),
        "100k nested list types": ({ "query ($v: " + String(repeating: "[", count: 100_000) + "Int) { a }" }, "maximum depth"),
        "10 MB string": ({ "{ a(x: \"" + String(repeating: "x", count: 10 << 20) + "\") }" }, "exceeds the limit"),
        // gqlparser reports the parser's view of a bad token, not the lexer's reason.
        "invalid UTF-8": ({ String(decoding: [0x7b, 0x20, 0xff, 0xfe, 0x20, 0x7d] as [UInt8], as: UTF8.self) }, "Expected Name, found <Invalid> in GraphQL string at location 1:3"),
        "empty selection": ({ "{}" }, "expected at least one definition, found } in GraphQL string at location 1:2"),
        "truncated": ({ "query Q($a: Int" }, "Expected $, found <EOF> in GraphQL string at location 1:16"),
        "unterminated string": ({ "{ a(x: \"abc) }" }, "Unexpected <Invalid> in GraphQL string at location 1:15"),
        "unterminated block string": ({ "{ a(x: \"\"\"abc) }" }, "Unexpected <Invalid>"),
        "bad escape": ({ #"{ a(x: "\q") }"# }, "Unexpected <Invalid> in GraphQL string at location 1:10"),
        "control character": ({ "{ a \u{01} }" }, "Expected Name, found <Invalid> in GraphQL string at location 1:5"),
        "number with leading zero": ({ "{ a(x: 012) }" }, "Unexpected <Invalid> in GraphQL string at location 1:9"),
        // After `\r\n` gqlparser (and so OPA) counts one column too many; checked against OPA.
        "second line column": ({ "{\r\n  a(x: \"ਊ\" y: ) }" }, "Unexpected ) in GraphQL string at location 2:16"),
    ]

    @Test("hostile queries fail with a located error", arguments: hostileQueries.keys.sorted())
    func hostileQuery(name: String) throws {
        let entry = try #require(Self.hostileQueries[name])
        let message = try #require(queryError(entry.text()), "\(name) parsed")
        #expect(message.contains(entry.want), "\(name): \(message)")
    }

    static let hostileValidation: [String: @Sendable () -> String] = [
        "fragment chain": {
            "query { ...f0 }\n" + (0..<1_200).map { "fragment f\($0) on Query { ...f\($0 + 1) }" }.joined(separator: "\n")
                + "\nfragment f1200 on Query { hero { id } }"
        },
        "fragment fan-out": {
            (0..<100).map { "query q\($0) { ...big }" }.joined(separator: "\n")
                + "\nfragment big on Query { " + String(repeating: "hero { id } ", count: 2_000) + "}"
        },
    ]

    @Test("hostile validation input is bounded", arguments: hostileValidation.keys.sorted())
    func hostileValidationInput(name: String) throws {
        let make = try #require(Self.hostileValidation[name])
        let text = make()
        let message = try #require(validationError(text), "\(name) validated")
        #expect(message.contains("exceeds the limit"), "\(name): \(message)")
    }

    @Test("queries against the schema", arguments: [
        ("{ hero { id name ... on Droid { primaryFunction } } }", nil),
        ("query ($e: Episode) { hero(episode: $e) { __typename } }", nil),
        ("{ search(text: \"x\") { ... on Human { height } } }", nil),
        ("{ hero { height } }", #"Cannot query field "height" on type "Character". Did you mean to use an inline fragment on "Human"?"#),
        ("{ hero { nam } }", #"Cannot query field "nam" on type "Character". Did you mean "name"?"#),
        ("{ hero { zzzzzz } }", #"Cannot query field "zzzzzz" on type "Character" in GraphQL query string at location 1:10"#),
        ("{ search { __typename } }", #"Field "search" argument "text" of type "String!" is required, but it was not provided"#),
        ("{ hero(episode: MARS) { id } }", #"Value "MARS" does not exist in "Episode" enum in GraphQL query string at location 1:17"#),
        ("{ hero }", #"Field "hero" of type "Character" must have a selection of subfields. Did you mean "hero { ... }"?"#),
        ("query ($x: Int) { hero { id } }", #"Variable "$x" is never used in GraphQL query string at location 1:8"#),
        ("{ hero { id } } { hero { id } }", "This anonymous operation must be the only defined operation"),
        ("{ search(text: 1) { __typename } }", "String cannot represent a non string value: 1"),
        ("{ search(text: \"a\", text: \"b\") { __typename } }", #"There can be only one argument named "text" in GraphQL query string at location 1:21"#),
        ("{ ...F } fragment F on Query { ...F }", #"Cannot spread fragment "F" within itself"#),
        ("{ hero { id } hero { id: name } }", #"Fields "hero" conflict because subfields "id" conflict because "id" and "name" are different fields"#),
        ("{ hero { ... on Human { id: height } ... on Droid { id } } }", #"they return conflicting types "Float" and "ID!""#),
        ("{ search(text: \"a\") { ... on Human { name } ... on Droid { name } } }", nil),
        ("mutation { hero { id } }", #"Schema does not support operation type "mutation""#),
    ] as [(String, String?)])
    func validation(query: String, want: String?) {
        let got = validationError(query)
        if let want { #expect(got?.contains(want) == true, "\(got ?? "valid")") } else { #expect(got == nil) }
    }

    @Test("every rule is registered once")
    func rules() {
        let names = GraphQLRules.all.map { String(describing: type(of: $0)) }
        #expect(Set(names).count == names.count)
        #expect(names == names.sorted(), "rules run in gqlparser's (alphabetical) order")
        #expect(names.count == 26)
    }

    @Test("schemas", arguments: [
        ("type Query { a: String }", true),
        ("type Query { a: Missing }", false),
        ("type Query { a: String } type Query { b: String }", false),
        ("interface I { a: String } type T implements I { b: String }", false),
        ("union U = String", false),
        ("type Query { __a: String }", false),
        ("extend type Query { a: String }", true),
        ("directive @d on FIELD type Query { a: String @d }", false),
    ])
    func schemas(schema: String, valid: Bool) throws {
        #expect(try eval("graphql.schema_is_valid(\(GoQuote.quote(schema)))") == String(valid))
    }

    @Test("AST shape and round trip through objects")
    func ast() throws {
        let q = #"graphql.parse_query("query Q($a: [Int!] = [1]) { f(x: $a, s: \"\"\"\n  hi\n    there\n\"\"\") @skip(if: true) }")"#
        let got = try #require(try eval(q))
        #expect(got.contains(#""Raw":"hi\n  there""#))
        #expect(got.contains(#""Elem":{"NamedType":"Int","NonNull":true}"#))
        #expect(got.contains(#""Location":"""#))
        #expect(!got.contains("Position"))
        let roundTrip = "graphql.parse(\(q), \"type Query { f(x: [Int!], s: String): Int }\")[0] == \(q)"
        #expect(try eval(roundTrip) == "true")
    }

    @Test("errors carry OPA's wording and location")
    func errors() throws {
        #expect(throws: RegoError.self) { try eval(#"graphql.parse_query("{ a")"#) }
        do { _ = try eval(#"graphql.parse_query("\n  { a: }")"#) } catch let error as RegoError {
            #expect(error.message == "graphql.parse_query: Expected Name, found } in GraphQL string at location 2:8")
        }
        #expect(try eval(#"graphql.is_valid("{ a }", "type Query { b: Int }")"#) == "false")
        #expect(try eval(#"graphql.parse_and_verify("{ a }", "type Query { b: Int }")"#) == "[false,{},{}]")
    }
}
