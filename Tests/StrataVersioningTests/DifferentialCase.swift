import Foundation
import StrataVersioning

/// One differential comparison: our answers against an independent oracle's, pair by pair.
struct DifferentialCase: Sendable, CustomStringConvertible {
    /// Printed in the tally, e.g. "Debian vs python-debian".
    let label: String
    /// Oracle name understood by `scripts/oracles/compare_versions.py`.
    let oracle: String
    /// Our answer for a pair: `-1`, `0`, `1` (or `1`/`0` for satisfaction), or `error`.
    let ours: @Sendable (String, String) -> String
    var generator: VersionGenerators.Make?
    var generated = 0
    /// For ranges: the generator of the second field.
    var secondGenerator: VersionGenerators.Make?
    /// Real version strings: an OSV zip name, or `alpine-secdb` (see ``Oracle/realVersions(_:)``).
    var realSource: String?
    var real = 0
    var seed: UInt64 = 1

    /// Rendering oracles judge one version per line, ordering oracles a pair.
    var unit: String { secondGenerator != nil && oracle != "npm-range" ? "versions" : "pairs" }

    var description: String { label }

    /// The ordering answer of `scheme`.
    static func ordering(_ scheme: any VersionScheme) -> @Sendable (String, String) -> String {
        { a, b in
            do {
                switch try scheme.compare(a, b) {
                case .orderedAscending: return "-1"
                case .orderedSame: return "0"
                case .orderedDescending: return "1"
                }
            } catch {
                return "error"
            }
        }
    }

    func pairs() throws -> [(String, String)] {
        var random = SeededGenerator(seed: seed)
        var result = [(String, String)]()
        if let generator {
            for _ in 0..<generated {
                let first = generator(&random)
                let second = (secondGenerator ?? generator)(&random)
                result.append((first, second))
            }
        }
        if let realSource, real > 0 {
            result += random.pairs(from: try Oracle.realVersions(realSource), count: real)
        }
        return result
    }
}

/// The outcome of one case, for the tally line and the failure message.
struct DifferentialTally: CustomStringConvertible {
    let label: String
    var unit = "pairs"
    var pairs = 0
    var agree = 0
    var rejectedByBoth = 0
    var known = [String: Int]()
    var unexplained = [String]()

    var description: String {
        var line = "\(label) — \(pairs) \(unit), \(agree) agree (\(rejectedByBoth) of them rejected by both)"
        let knownCount = known.values.reduce(0, +)
        if knownCount > 0 { line += ", \(knownCount) known oracle disagreements" }
        if !unexplained.isEmpty { line += ", \(unexplained.count) UNEXPLAINED" }
        return line
    }
}
