import Foundation
import StrataVersioning
import Testing

/// Order laws on generated versions, for every scheme: antisymmetry, and transitivity (checked
/// along the sorted list) for every scheme but Maven, whose own order has cycles (see
/// `MavenVersionTests.keepsMavensCycle`).
@Suite("Order properties")
struct OrderPropertyTests {
    @Test(arguments: VersionSchemes.all.map(\.id))
    func isATotalOrder(_ id: String) throws {
        let scheme = try #require(VersionSchemes.scheme(id: id))
        let make = try #require(SchemeTables.generators[id])
        var random = SeededGenerator(seed: 7)
        let versions = (0..<150).map { _ in make(&random) }.filter { (try? scheme.validate($0)) != nil }.prefix(70)
        #expect(versions.count == 70, "\(id): the generator makes too many invalid versions")
        var order = [String: Int]()
        var violations = [String]()
        for a in versions {
            for b in versions {
                let forward = try scheme.compare(a, b).rawValue, backward = try scheme.compare(b, a).rawValue
                order[a + "\u{0}" + b] = forward
                if forward != -backward { violations.append("not antisymmetric: \(a) vs \(b)") }
            }
        }
        if id != "maven" {
            let sorted = try versions.sorted { try scheme.compare($0, $1) == .orderedAscending }
            for i in sorted.indices {
                for j in sorted.indices where j > i && order[sorted[i] + "\u{0}" + sorted[j]] == 1 {
                    violations.append("not transitive: \(sorted[i]) sorts before \(sorted[j]) but is greater")
                }
            }
        }
        #expect(violations.count == 0, "\(id): \(violations.count) violations, e.g. \(violations.prefix(5))")
    }
}
