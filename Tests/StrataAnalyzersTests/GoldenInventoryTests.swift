import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataAnalyzers

/// Every fixture's whole inventory (every field, every diagnostic) against
/// `Golden/inventory/<analyzer>.txt`. `STRATA_RECORD=1` rewrites them and fails the run.
@Suite struct GoldenInventoryTests {
    @Test(arguments: AnalyzerRegistry.builtin.analyzers.map(\.id))
    func fixtures(id: String) throws {
        let analyzer = try #require(AnalyzerRegistry.builtin.analyzer(id: id))
        var text = ""
        for file in Fixture.files(in: id) where analyzer.matches(path: file) || id == "os-release" {
            text += "== \(file)\n" + Self.render(analyzer.parse(bytes: try Fixture.bytes("\(id)/\(file)"), path: file))
        }
        switch Golden.compare(text, suite: "inventory", name: id + ".txt") {
        case .match: break
        case .recorded(let path): Issue.record("recorded \(path); run again without STRATA_RECORD")
        case .missing(let path): Issue.record("golden file missing: \(path) (run with STRATA_RECORD=1)")
        case .mismatch(let path, let diff): Issue.record("\(path) differs at \(diff)")
        }
    }

    static func render(_ inventory: Inventory) -> String {
        var lines: [String] = []
        if let os = inventory.operatingSystem {
            lines.append("os id=\(os.id) version=\(os.versionID ?? "-") codename=\(os.codename ?? "-") like=\(os.idLike.joined(separator: ",")) family=\(os.family)")
        }
        for p in inventory.packages {
            var fields = ["\(p.location.description)", p.ecosystem, p.name, p.version ?? "-", p.purl?.description ?? "-", p.relationship.rawValue]
            if p.isDevelopment { fields.append("dev") }
            if let source = p.sourceName { fields.append("source=\(source)@\(p.sourceVersion ?? "-")") }
            if let constraint = p.constraint { fields.append("constraint=\(constraint)") }
            lines.append(fields.joined(separator: " "))
        }
        lines += inventory.includes.map { "include \($0)" }
        lines += inventory.diagnostics.map { "! \($0.location.description) \($0.level.rawValue) \($0.code.rawValue): \($0.reason)" }
        return lines.map { $0 + "\n" }.joined()
    }
}
