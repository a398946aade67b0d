import Foundation
import Testing
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
    ])
    func knownScores(vector: String, expected: Double) throws {
        #expect(try #require(CVSS.score(vector)).base == expected)
    }

    @Test(arguments: ["CVSS:3.1/AV:X/AC:L", "nonsense", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:Q/C:H/I:H/A:H"])
    func invalidVectors(vector: String) {
        #expect(CVSS.score(vector) == nil)
    }

    /// Every CVSS v2/v3 vector in the shared OSV exports plus generated ones, against the
    /// `cvss` package (PyPI), an independent implementation.
    @Test func agreesWithTheCVSSPackage() throws {
        let python = try #require(TestEnvironment.oraclePython(), "oracle venv missing: run scripts/test")
        let built = try SharedDatabase.get()
        var vectors = Set<String>()
        for eco in ["PyPI", "crates.io"] {
            for name in try built.store.packageNames(ecosystem: eco) {
                for a in try built.store.advisories(ecosystem: eco, package: name) {
                    for s in a.severity where s.type != "CVSS_V4" { vectors.insert(s.score) }
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
        print("CVSS vs cvss (PyPI) — \(vectors.count) vectors (\(fromData) from the OSV data), \(agree) agree")
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
