import Foundation
import StrataCore
import _StrataTestSupport
@testable import StrataVulnDB

/// One database imported from the real OSV exports in ../shared/vulndb, built once per test
/// process and shared by the suites that read it.
enum SharedDatabase {
    struct Built: Sendable {
        let store: VulnStore
        let summaries: [String: ImportSummary]
    }

    static let zips = ["PyPI", "Go", "crates.io"]

    static let built: Result<Built, StrataError> = {
        do {
            let dir = try TestEnvironment.temporaryDirectory("vulndb")
            let store = try VulnStore(path: dir.appendingPathComponent("strata.db").path)
            let importer = VulnImporter(store: store, clock: FixedClock(Date(timeIntervalSince1970: 1_796_083_200)))
            var summaries: [String: ImportSummary] = [:]
            for zip in zips {
                summaries[zip] = try importer.importFile(RepoPaths.shared("vulndb/osv/\(zip).zip").path)
            }
            summaries["kev"] = try importer.importFile(RepoPaths.shared("vulndb/kev/known_exploited_vulnerabilities.json").path)
            return .success(Built(store: store, summaries: summaries))
        } catch let error as StrataError {
            return .failure(error)
        } catch {
            return .failure(StrataError(.io, "\(error)"))
        }
    }()

    static func get() throws -> Built { try built.get() }
}
