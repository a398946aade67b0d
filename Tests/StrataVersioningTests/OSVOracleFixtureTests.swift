import Foundation
import StrataVersioning
import Testing
import _StrataTestSupport

/// The range evaluator on real advisories: `../shared/vulndb/oracle/*.json` lists the matches an
/// independent OSV evaluation (make_oracle.py) expects for real fixture packages.
@Suite("OSV evaluation against the vulndb oracle")
struct OSVOracleFixtureTests {
    struct Fixture: Sendable, CustomStringConvertible {
        let file: String
        let zip: String
        let ecosystem: String
        var stdlib = false
        var description: String { file + (stdlib ? " (stdlib)" : "") }
    }

    struct Package: Decodable { let name: String; let version: String }
    struct Expected: Decodable {
        let package: String, version: String, advisory: String, fixed: [String]
        let matched_by: [String]
        let ambiguous: Bool?
    }
    struct Section: Decodable { let packages: [Package]; let expected: [Expected] }
    struct OracleFile: Decodable {
        let packages: [Package]; let expected: [Expected]; let clean_packages: [String]; let stdlib: Section?
    }
    struct Advisory: Decodable { let id: String; let affected: [OSVRangeEvaluator.Entry] }

    static let fixtures = [
        Fixture(file: "requirements-vulnerable.json", zip: "PyPI.zip", ecosystem: "PyPI"),
        Fixture(file: "requirements-edge-cases.json", zip: "PyPI.zip", ecosystem: "PyPI"),
        Fixture(file: "go-modules.json", zip: "Go.zip", ecosystem: "Go"),
        Fixture(file: "go-modules.json", zip: "Go.zip", ecosystem: "Go", stdlib: true),
    ]

    @Test(arguments: fixtures)
    func matchesTheOracle(_ fixture: Fixture) throws {
        let data = try Data(contentsOf: RepoPaths.shared("vulndb/oracle/\(fixture.file)"))
        let oracle = try JSONDecoder().decode(OracleFile.self, from: data)
        var packages = fixture.stdlib ? try #require(oracle.stdlib).packages : oracle.packages
        let expected = fixture.stdlib ? try #require(oracle.stdlib).expected : oracle.expected
        if !fixture.stdlib { packages += oracle.clean_packages.map(Self.cleanPackage) }
        let advisories = try Self.advisories(fixture.zip, names: packages.map(\.name))
        let evaluator = try #require(OSVRangeEvaluator(ecosystem: fixture.ecosystem))
        var ours = [String: (fixed: [String], by: [String])]()
        for package in packages {
            for (key, value) in try Self.matches(package, advisories, evaluator, fixture.ecosystem) { ours[key] = value }
        }
        var mismatches = [String]()
        for entry in expected {
            let key = "\(entry.package) \(entry.version) \(entry.advisory)"
            guard let found = ours.removeValue(forKey: key) else {
                if entry.ambiguous != true { mismatches.append("missing \(key)") }
                continue
            }
            if found.fixed != entry.fixed || found.by != entry.matched_by {
                mismatches.append("\(key): fixed \(found.fixed) by \(found.by), expected \(entry.fixed) by \(entry.matched_by)")
            }
        }
        mismatches += ours.keys.sorted().map { "unexpected \($0)" }
        print("OSV evaluation vs \(fixture) — \(expected.count) expected matches, \(expected.count - mismatches.count) reproduced")
        #expect(mismatches.count == 0, "\(mismatches.prefix(20))")
    }

    static func cleanPackage(_ text: String) -> Package {
        let separator = text.contains("==") ? "==" : "@"
        let parts = text.components(separatedBy: separator)
        return Package(name: parts[0], version: parts[1])
    }

    /// PEP 503 for PyPI; module paths are exact.
    static func key(_ name: String, _ ecosystem: String) -> String {
        guard ecosystem == "PyPI" else { return name }
        return name.lowercased().split(whereSeparator: { "-_.".contains($0) }).joined(separator: "-")
    }

    static func advisories(_ zip: String, names: [String]) throws -> [Advisory] {
        let path = RepoPaths.shared("vulndb/osv/\(zip)").path
        let lines = try Oracle.run(script: "osv_affected.py", arguments: [path] + names, lines: [])
        return try lines.map { try JSONDecoder().decode(Advisory.self, from: Data($0.utf8)) }
    }

    static func matches(_ package: Package, _ advisories: [Advisory], _ evaluator: OSVRangeEvaluator,
                        _ ecosystem: String) throws -> [String: (fixed: [String], by: [String])] {
        let name = key(package.name, ecosystem)
        var result = [String: (fixed: [String], by: [String])]()
        for advisory in advisories {
            var fixed = [String](), byRanges = false, byVersions = false
            for entry in advisory.affected where entry.package?.ecosystem == ecosystem && entry.package.map({ key($0.name, ecosystem) }) == name {
                let match = try evaluator.evaluate(package.version, in: entry)
                byRanges = byRanges || match.matchedByRanges
                byVersions = byVersions || match.matchedByVersions
                fixed += match.fixedVersions.filter { !fixed.contains($0) }
            }
            guard byRanges || byVersions else { continue }
            let sortedFixed = try fixed.sorted { try evaluator.scheme.compare($0, $1) == .orderedAscending }
            result["\(name) \(package.version) \(advisory.id)"] = (sortedFixed, (byRanges ? ["ranges"] : []) + (byVersions ? ["versions"] : []))
        }
        return result
    }
}
