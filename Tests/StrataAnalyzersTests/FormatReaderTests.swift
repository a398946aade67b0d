import StrataCore
import Testing
@testable import StrataAnalyzers

@Suite struct TOMLReaderTests {
    static func document(_ text: String, limits: ParseLimits = .standard) -> (TOMLDocument, StrataError?) {
        var inventory = Inventory()
        let source = SourceText.decode(Array(text.utf8), path: "t.toml", limits: limits, into: &inventory)!
        return TOMLDocument.parse(source, limits: limits)
    }

    @Test(arguments: [
        ("a = \"x\\ty\\u00e9\\\"\"", TOMLValue.string("x\tyé\"")),
        ("a = 'C:\\path'", .string("C:\\path")),
        ("a = \"\"\"\nline1\nline2\"\"\"", .string("line1\nline2")),
        ("a = '''\nraw \\n'''", .string("raw \\n")),
        ("a = \"\"\"one \\\n   two\"\"\"", .string("one two")),
        ("a = true   # comment", .other("true")),
        ("a = 1979-05-27T07:32:00Z", .other("1979-05-27T07:32:00Z")),
        ("a = [\n  \"x\", # c\n  'y',\n]", .array([.string("x"), .string("y")])),
        ("a = { name = \"n\", v.w = [1, {x = 2}] }",
         .table(["name": .string("n"), "v.w": .array([.other("1"), .table(["x": .other("2")])])])),
        ("\"quoted key\" = 1\na = 2", .other("2")),
    ])
    func values(text: String, expected: TOMLValue) throws {
        let (document, error) = Self.document(text)
        #expect(error == nil)
        #expect(document.tables.first?["a"] == expected)
    }

    @Test func tablesAndLines() {
        let text = "top = 1\n\n[[package]]\nname = \"a\"\n[package.extra]\nk = 1\n[[ package ]]\nname = \"b\"\n[metadata]\n"
        let (document, error) = Self.document(text)
        #expect(error == nil)
        #expect(document.arrayTables("package").map(\.line) == [3, 7])
        #expect(document.arrayTables("package").map { $0.lines["name"] } == [4, 8])
        #expect(document.subtables(of: "package", "extra").keys.sorted() == [0])
        #expect(document.tables.map(\.path) == [[], ["package"], ["package", "extra"], ["package"], ["metadata"]])
    }

    @Test(arguments: [
        ("a = \"unclosed", 1), ("a = [1,\n2", 2), ("[table\n", 1), ("a = 1 b", 1), ("a\n", 1),
        ("x = 1\ny = \"a\nb\"", 2), ("a = \"\\q\"", 1), ("a = {b = 1\n", 2), ("= 1", 1),
    ])
    func errors(text: String, line: Int) throws {
        let error = try #require(Self.document(text).1)
        #expect(error.code == .parseError)
        #expect(error.location?.startLine == line)
    }
}

@Suite struct JSONReaderTests {
    @Test(arguments: [
        ("\"a\\n\\u00e9\\ud83d\\ude00\\/\"", JSONNode.Value.string("a\né😀/")),
        ("-1.5e3", .number("-1.5e3")),
        ("true", .bool(true)),
        ("null", .null),
        ("[]", .array([])),
        ("{}", .object([])),
    ])
    func scalars(text: String, expected: JSONNode.Value) throws {
        #expect(try JSONNode.parse(Array(text.utf8), maxDepth: 8).value == expected)
    }

    @Test func keyLines() throws {
        let text = "{\n  \"a\": 1,\n\n  \"b\": {\n    \"c\": [\n      true\n    ]\n  }\n}"
        let root = try JSONNode.parse(Array(text.utf8), maxDepth: 8)
        #expect(root.members.map(\.key) == ["a", "b"])
        #expect(root.members.map(\.line) == [2, 4])
        #expect(root["b"]?.members.first?.line == 5)
        #expect(root["b"]?["c"]?.elements.first?.line == 6)
    }

    @Test(arguments: [
        ("", 1), ("{\"a\" 1}", 1), ("[1,]", 1), ("{\"a\":1,}", 1), ("\"\\x\"", 1), ("\"a\nb\"", 1),
        ("[\n\n1 2]", 3), ("tru", 1), ("\"\\ud800x\"", 1), ("\"\\u12\"", 1), ("\"\\u+123\"", 1), ("[\"\u{FFFD}\", 01e]", 1),
    ])
    func errors(text: String, line: Int) {
        #expect(throws: StrataError.self) { try JSONNode.parse(Array(text.utf8), maxDepth: 8) }
        do {
            _ = try JSONNode.parse(Array(text.utf8), maxDepth: 8)
        } catch {
            #expect(error.location?.startLine == line)
        }
    }

    @Test func invalidUTF8InString() {
        #expect(throws: StrataError.self) { try JSONNode.parse([0x22, 0xFF, 0x22], maxDepth: 8) }
    }

    @Test func depth() {
        let nested = Array(String(repeating: "[", count: 9).utf8) + Array(String(repeating: "]", count: 9).utf8)
        do {
            _ = try JSONNode.parse(nested, maxDepth: 8)
            Issue.record("nesting of 9 accepted with a limit of 8")
        } catch {
            #expect(error.code == .depthLimit)
        }
        #expect(throws: Never.self) { try JSONNode.parse(Array(nested.dropFirst().dropLast()), maxDepth: 8) }
    }
}

@Suite struct TOMLDepthTests {
    @Test(arguments: [(8, false), (9, true)])
    func depth(levels: Int, refused: Bool) {
        let text = "a = " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        let error = TOMLReaderTests.document(text, limits: ParseLimits(maxDepth: 8)).1
        #expect((error?.code == .depthLimit) == refused)
        if !refused { #expect(error == nil) }
    }
}
