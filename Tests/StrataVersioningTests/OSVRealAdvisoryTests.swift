import Foundation
import StrataVersioning
import Testing
import _StrataTestSupport

/// Every distinct range of every real advisory in `../shared/vulndb/osv/` (sub-packages of one
/// advisory often share a range, so each is checked once): its events must parse in the ecosystem's
/// scheme (apart from a short, explained list), and each range must be consistent with itself:
/// a `fixed` version is not affected by its range, an `introduced` one is.
@Suite("OSV evaluation on every real advisory")
struct OSVRealAdvisoryTests {
    struct Advisory: Decodable { let id: String; let affected: [OSVRangeEvaluator.Entry] }

    /// Event versions that are not versions of their ecosystem, as the vulndb README lists them.
    static let unparseable: Set = ["PYSEC-2019-125 2019-09-12", "PYSEC-2021-371 0.2.0-n653"]

    @Test(arguments: ["PyPI.zip", "Go.zip", "crates.io.zip", "AlmaLinux.zip"])
    func rangesAreConsistent(_ zip: String) throws {
        let path = RepoPaths.shared("vulndb/osv/\(zip)").path
        let lines = try Oracle.run(script: "osv_affected.py", arguments: [path, "--distinct-ranges"], lines: [])
        var checked = 0, problems = [String](), skipped = Set<String>()
        for line in lines {
            let advisory = try JSONDecoder().decode(Advisory.self, from: Data(line.utf8))
            for entry in advisory.affected {
                guard let ecosystem = entry.package?.ecosystem, let evaluator = OSVRangeEvaluator(ecosystem: ecosystem) else {
                    problems.append("\(advisory.id): no scheme for \(entry.package?.ecosystem ?? "?")")
                    continue
                }
                for range in entry.ranges where range.type != .git {
                    checked += try Self.check(advisory.id, range, evaluator, &problems, &skipped)
                }
            }
        }
        print("OSV \(zip) — \(lines.count) distinct ranges, \(checked) events checked, \(skipped.count) unparseable events, \(problems.count) problems")
        #expect(problems.count == 0, "\(problems.prefix(20))")
        #expect(skipped.isSubset(of: Self.unparseable), "\(skipped.subtracting(Self.unparseable).sorted().prefix(20))")
    }

    /// Checks one range; returns how many events it checked.
    static func check(_ id: String, _ range: OSVRangeEvaluator.EventRange, _ evaluator: OSVRangeEvaluator,
                      _ problems: inout [String], _ skipped: inout Set<String>) throws -> Int {
        let entry = OSVRangeEvaluator.Entry(ranges: [range])
        let introduced = Set(range.events.compactMap { if case .introduced(let v) = $0 { return v } else { return nil } })
        let hasLimit = range.events.contains { if case .limit = $0 { return true } else { return false } }
        var checked = 0
        for event in range.events {
            let version = event.version
            guard version != "0" else { continue }
            guard (try? evaluator.scheme.validate(version)) != nil else {
                skipped.insert("\(id) \(version)")
                continue
            }
            let match = try evaluator.evaluate(version, in: entry)
            if !match.skipped.isEmpty { continue }
            switch event {
            case .fixed where !introduced.contains(version) && match.isAffected:
                problems.append("\(id): fixed \(version) is affected")
            case .introduced where !hasLimit && !match.isAffected:
                problems.append("\(id): introduced \(version) is not affected")
            default: break
            }
            checked += 1
        }
        return checked
    }
}
