import Foundation
import StrataRego
import StrataRegoAST

/// A gator test suite (`kind: Suite`) of the gatekeeper-library corpus, evaluated the way gator does it
/// (see ../shared/corpora/rego/README.md § suite.yaml): review objects built from samples, the constraint's
/// `spec.match` filtering first, violations read from `data.<template package>.violation`.
struct GatekeeperSuite {
    struct Assertion {
        /// nil = "yes" (at least one), otherwise an exact count ("no" = 0).
        var count: Int?
        var message: String?
    }

    struct Case {
        var key: String
        var object: String
        var inventory: [String]
        var assertions: [Assertion]
    }

    struct Test {
        var name: String
        var template: String
        var constraint: String
        var cases: [Case]
    }

    var directory: URL
    /// The suite directory relative to the corpus root, e.g. `library/general/allowedrepos`.
    var relativeDirectory: String
    var tests: [Test]

    enum LoadError: Error, CustomStringConvertible {
        case malformed(String, String)
        var description: String {
            switch self {
            case .malformed(let file, let why): return "\(file): \(why)"
            }
        }
    }

    static func load(_ url: URL, corpusRoot: URL) throws -> GatekeeperSuite {
        let dir = url.deletingLastPathComponent()
        let relative = String(dir.path.dropFirst(corpusRoot.path.count + 1))
        guard case .object(let doc)? = try YAMLConversion.parse(String(contentsOf: url, encoding: .utf8)),
              case .array(let tests)? = doc[.string("tests")] else {
            throw LoadError.malformed(url.path, "no tests")
        }
        var out: [Test] = []
        for t in tests {
            guard case .object(let test) = t else { continue }
            let name = test[.string("name")]?.stringValue ?? ""
            var seen: [String: Int] = [:]
            var cases: [Case] = []
            if case .array(let cs)? = test[.string("cases")] {
                for c in cs {
                    guard case .object(let cd) = c, let object = cd[.string("object")]?.stringValue else { continue }
                    let caseName = cd[.string("name")]?.stringValue ?? ""
                    seen[caseName, default: 0] += 1
                    // A repeated case name is keyed `#2`, `#3`… as in EXPECTED_SUITES.json.
                    let suffix = seen[caseName]! > 1 ? "#\(seen[caseName]!)" : ""
                    var inventory: [String] = []
                    if case .array(let inv)? = cd[.string("inventory")] { inventory = inv.compactMap(\.stringValue) }
                    var assertions: [Assertion] = []
                    if case .array(let asserts)? = cd[.string("assertions")] {
                        for a in asserts {
                            guard case .object(let ad) = a else { continue }
                            assertions.append(Assertion(count: Self.count(ad[.string("violations")]),
                                                        message: ad[.string("message")]?.stringValue))
                        }
                    }
                    cases.append(Case(key: "\(relative)::\(name)::\(caseName)\(suffix)", object: object,
                                      inventory: inventory, assertions: assertions))
                }
            }
            out.append(Test(name: name, template: test[.string("template")]?.stringValue ?? "",
                            constraint: test[.string("constraint")]?.stringValue ?? "", cases: cases))
        }
        return GatekeeperSuite(directory: dir, relativeDirectory: relative, tests: out)
    }

    /// `violations:` is `yes` (default), `no`, or an integer; YAML 1.1 spellings arrive as strings or booleans.
    private static func count(_ v: Value?) -> Int? {
        switch v {
        case nil: return nil
        case .bool(let b)?: return b ? nil : 0
        case .number(let n)?: return n.intValue
        case .string(let s)?:
            switch s.lowercased() {
            case "no", "false": return 0
            case "yes", "true": return nil
            default: return Int(s)
            }
        default: return nil
        }
    }

    func load(_ relative: String) throws -> Value {
        let url = directory.appendingPathComponent(relative)
        guard let v = try YAMLConversion.parse(String(contentsOf: url, encoding: .utf8)) else {
            throw LoadError.malformed(url.path, "empty document")
        }
        return v
    }
}

extension GatekeeperSuite.Assertion {
    /// Whether the violation messages satisfy this assertion; `message` is a regular expression on each `msg`.
    func holds(for messages: [String]) -> Bool {
        let matching: Int
        if let pattern = message {
            guard let re = try? NSRegularExpression(pattern: pattern) else { return false }
            matching = messages.filter { re.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }.count
        } else {
            matching = messages.count
        }
        if let count { return matching == count }
        return matching > 0
    }
}
