import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataVulnDB

/// The matcher against ../shared/vulndb/oracle: expected matches computed by an independent
/// implementation of the OSV schema's evaluation (make_oracle.py), compared as sets of
/// (package, version, advisory) plus fixed versions.
@Suite struct MatcherOracleTests {
    struct Expected: Decodable {
        var package: String
        var version: String
        var advisory: String
        var fixed: [String]
        var ambiguous: Bool?
    }

    struct OracleFile: Decodable {
        var expected: [Expected]
        var clean_packages: [String]
    }

    static func pins(_ file: String) throws -> [(String, String)] {
        let text = try String(contentsOf: RepoPaths.shared("vulndb/oracle/\(file)"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let body = line.split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let parts = body.components(separatedBy: "==")
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    static func goRequires() throws -> [(String, String)] {
        let text = try String(contentsOf: RepoPaths.shared("vulndb/oracle/go-fixture/go.mod"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: "/").first == nil ? [] : line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "require ", with: "").split(separator: " ")
            guard words.count >= 2, words[0].contains("."), words[1].hasPrefix("v") else { return nil }
            return (String(words[0]), String(words[1]))
        }
    }

    @Test(arguments: [
        ("requirements-vulnerable.txt", "requirements-vulnerable.json", "PyPI"),
        ("requirements-edge-cases.txt", "requirements-edge-cases.json", "PyPI"),
        ("go-fixture/go.mod", "go-modules.json", "Go"),
    ])
    func agreesWithTheOracle(fixture: String, oracle: String, ecosystem: String) throws {
        let built = try SharedDatabase.get()
        let matcher = VulnMatcher(store: built.store)
        let data = try Data(contentsOf: RepoPaths.shared("vulndb/oracle/\(oracle)"))
        let expected = try JSONDecoder().decode(OracleFile.self, from: data)
        let packages = ecosystem == "Go" ? try MatcherOracleTests.goRequires() : try MatcherOracleTests.pins(fixture)
        var ours: [String: [String]] = [:]
        for (name, version) in packages {
            for m in try matcher.match(PackageQuery(ecosystem: ecosystem, name: name, version: version)).matches {
                ours["\(PackageName.normalized(name, ecosystem: ecosystem))|\(version)|\(m.advisoryID)"] = m.fixedVersions
            }
        }
        var theirs: [String: [String]] = [:]
        var ambiguous = Set<String>()
        for e in expected.expected {
            let key = "\(PackageName.normalized(e.package, ecosystem: ecosystem))|\(e.version)|\(e.advisory)"
            theirs[key] = e.fixed
            if e.ambiguous == true { ambiguous.insert(key) }
        }
        let missing = Set(theirs.keys).subtracting(ours.keys).subtracting(ambiguous).sorted()
        let extra = Set(ours.keys).subtracting(theirs.keys).sorted()
        let wrongFix = Set(theirs.keys).intersection(ours.keys).filter { theirs[$0] != ours[$0] }.sorted()
        let agree = Set(theirs.keys).intersection(ours.keys).count - wrongFix.count
        print("matcher vs oracle \(oracle) — expected \(theirs.count), ours \(ours.count), agree \(agree), missing \(missing.count), extra \(extra.count), fixed differs \(wrongFix.count)")
        #expect(missing.count == 0, "\(missing.prefix(10))")
        #expect(extra.count == 0, "\(extra.prefix(10))")
        #expect(wrongFix.count == 0, "\(wrongFix.prefix(10).map { "\($0): ours \(ours[$0]!) oracle \(theirs[$0]!)" })")
        #expect(agree > 0)
    }
}
