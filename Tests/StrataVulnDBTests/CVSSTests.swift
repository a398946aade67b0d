import Foundation
import Testing
import StrataCore
import _StrataTestSupport
@testable import StrataVulnDB

@Suite struct CVSSTests {
    @Test(arguments: [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
        ("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 5.5),
        ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N", 0.0),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5),
        ("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0),
        // CVSS v4.0, as the cvss package (the oracle below) scores them.
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3),
        ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 1.0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/MSI:S", 9.5),
        ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:H/SC:L/SI:N/SA:N/E:P/CR:L/IR:M/AR:H", 3.2),
        ("CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3),
    ])
    func knownScores(vector: String, expected: Double) throws {
        #expect(try #require(CVSS.score(vector)).base == expected)
    }

    @Test(arguments: [
        "CVSS:3.1/AV:X/AC:L", "nonsense", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:Q/C:H/I:H/A:H",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",  // SA missing
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",  // S only as MSI
        "CVSS:4.0/AV:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",  // duplicate
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:Q",  // unknown metric
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/", "CVSS:4.0",
    ])
    func invalidVectors(vector: String) {
        #expect(CVSS.score(vector) == nil)
    }

    static let v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"  // 9.3
    static let v3 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"  // 6.1

    /// Which vector an advisory's severity comes from: v3, then v4, then v2, then its own rating.
    @Test(arguments: [
        ([("CVSS_V4", v4)], "LOW", Severity.critical, "4.0"),
        ([("CVSS_V4", v4), ("CVSS_V3", v3)], "LOW", .medium, "3.1"),
        ([("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P"), ("CVSS_V4", v4)], "LOW", .critical, "4.0"),
        ([("CVSS_V4", "CVSS:4.0/AV:N")], "LOW", .low, nil),
    ] as [([(String, String)], String, Severity, String?)])
    func advisorySeverity(vectors: [(String, String)], rated: String, expected: Severity, version: String?) throws {
        let severity = vectors.map { "{\"type\":\"\($0.0)\",\"score\":\"\($0.1)\"}" }.joined(separator: ",")
        let json = "{\"id\":\"X-1\",\"severity\":[\(severity)],\"database_specific\":{\"severity\":\"\(rated)\"}}"
        let advisory = try JSONDecoder().decode(OSVAdvisory.self, from: Data(json.utf8))
        let result = AdvisorySeverity.of(advisory)
        #expect(result.severity == expected)
        #expect(result.score?.version == version)
    }

    /// Every CVSS v2/v3/v4 vector in the shared OSV exports plus generated ones, against the
    /// `cvss` package (PyPI), an independent implementation.
    @Test func agreesWithTheCVSSPackage() throws {
        let python = try #require(TestEnvironment.oraclePython(), "oracle venv missing: run scripts/test")
        let built = try SharedDatabase.get()
        var vectors = Set<String>()
        for eco in ["PyPI", "crates.io"] {
            for name in try built.store.packageNames(ecosystem: eco) {
                for a in try built.store.advisories(ecosystem: eco, package: name) {
                    for s in a.severity { vectors.insert(s.score) }
                }
            }
        }
        let fromData = vectors.count
        var rng = SplitMix(seed: 42)
        let v3: [(String, [String])] = [("AV", ["N", "A", "L", "P"]), ("AC", ["L", "H"]), ("PR", ["N", "L", "H"]), ("UI", ["N", "R"]), ("S", ["U", "C"]), ("C", ["H", "L", "N"]), ("I", ["H", "L", "N"]), ("A", ["H", "L", "N"])]
        for _ in 0..<3000 {
            vectors.insert("CVSS:3.1/" + v3.map { "\($0.0):\($0.1[rng.next(below: $0.1.count)])" }.joined(separator: "/"))
        }
        let v2: [(String, [String])] = [("AV", ["L", "A", "N"]), ("AC", ["H", "M", "L"]), ("Au", ["M", "S", "N"]), ("C", ["N", "P", "C"]), ("I", ["N", "P", "C"]), ("A", ["N", "P", "C"])]
        for _ in 0..<1000 {
            vectors.insert(v2.map { "\($0.0):\($0.1[rng.next(below: $0.1.count)])" }.joined(separator: "/"))
        }
        let v4 = CVSS4.mandatory.map { ($0.0, $0.1.sorted()) }
        let optional = CVSS4.optional.keys.sorted().map { ($0, CVSS4.optional[$0]!.sorted()) }
        for i in 0..<6000 {
            var parts = v4.map { "\($0.0):\($0.1[rng.next(below: $0.1.count)])" }
            // Half with threat/environmental/supplemental metrics, which change the score.
            if i % 2 == 1 {
                for (metric, values) in optional where rng.next(below: 3) == 0 { parts.append("\(metric):\(values[rng.next(below: values.count)])") }
            }
            vectors.insert("CVSS:4.0/" + parts.joined(separator: "/"))
        }
        let script = RepoPaths.root().appendingPathComponent("scripts/oracles/cvss_scores.py").path
        let out = try ProcessRunner.run(python, [script], stdin: Data(vectors.sorted().joined(separator: "\n").utf8))
        #expect(out.status == 0, "\(out.stderr)")
        var agree = 0, disagree: [String] = []
        for line in out.stdout.split(separator: "\n") {
            let cols = line.split(separator: "\t").map(String.init)
            let ours = CVSS.score(cols[0])?.base
            let theirs = Double(cols[1])
            if ours == theirs { agree += 1 } else { disagree.append("\(cols[0]): ours \(ours.map { "\($0)" } ?? "nil"), cvss \(cols[1])") }
        }
        let v4Count = vectors.filter { $0.hasPrefix("CVSS:4") }.count
        print("CVSS vs cvss (PyPI) — \(vectors.count) vectors (\(fromData) from the OSV data, \(v4Count) v4.0), \(agree) agree")
        #expect(disagree.isEmpty, "\(disagree.prefix(10).joined(separator: "\n"))")
        #expect(agree == vectors.count)
    }
}

/// Deterministic generator for test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below n: Int) -> Int { Int(next() % UInt64(n)) }
}
