import Foundation
import StrataCore

/// CVSS base scores computed from vectors: v4.0 (`CVSS4`, FIRST's macro-vector method),
/// v3.0/v3.1 (FIRST specification §7) and v2.
public enum CVSS {
    public struct Score: Sendable, Hashable {
        public var version: String
        public var base: Double
        public var vector: String

        public var severity: Severity {
            if version == "2.0" {
                return base >= 7 ? .high : base >= 4 ? .medium : .low
            }
            switch base {
            case 9...: return .critical
            case 7..<9: return .high
            case 4..<7: return .medium
            default: return .low
            }
        }
    }

    public static func score(_ vector: String) -> Score? {
        if vector.hasPrefix("CVSS:3.") { return v3(vector) }
        if vector.hasPrefix("CVSS:4") { return CVSS4.score(vector).map { Score(version: "4.0", base: $0, vector: vector) } }
        return v2(vector)
    }

    static func metrics(_ vector: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in vector.split(separator: "/") {
            let kv = part.split(separator: ":", maxSplits: 1)
            if kv.count == 2, out[String(kv[0])] == nil { out[String(kv[0])] = String(kv[1]) }
        }
        return out
    }

    static func v3(_ vector: String) -> Score? {
        let m = metrics(vector)
        let changed = m["S"] == "C"
        guard let av = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][m["AV"] ?? ""],
              let ac = ["L": 0.77, "H": 0.44][m["AC"] ?? ""],
              let pr = (changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27])[m["PR"] ?? ""],
              let ui = ["N": 0.85, "R": 0.62][m["UI"] ?? ""],
              m["S"] == "U" || changed,
              let c = cia3[m["C"] ?? ""], let i = cia3[m["I"] ?? ""], let a = cia3[m["A"] ?? ""]
        else { return nil }
        let iss = 1 - (1 - c) * (1 - i) * (1 - a)
        let impact = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss
        let exploitability = 8.22 * av * ac * pr * ui
        let base: Double
        if impact <= 0 {
            base = 0
        } else if changed {
            base = roundUp(min(1.08 * (impact + exploitability), 10))
        } else {
            base = roundUp(min(impact + exploitability, 10))
        }
        let version = vector.hasPrefix("CVSS:3.0") ? "3.0" : "3.1"
        return Score(version: version, base: base, vector: vector)
    }

    static let cia3 = ["H": 0.56, "L": 0.22, "N": 0.0]

    /// CVSS 3.1's Roundup: the smallest number with one decimal that is ≥ the input, computed
    /// on integers so that floating-point noise (e.g. 4.000000001) does not round up.
    static func roundUp(_ x: Double) -> Double {
        let scaled = Int((x * 100_000).rounded())
        if scaled % 10_000 == 0 { return Double(scaled) / 100_000 }
        return Double(scaled / 10_000 + 1) / 10
    }

    static func v2(_ vector: String) -> Score? {
        let m = metrics(vector.hasPrefix("(") ? String(vector.dropFirst().dropLast()) : vector)
        guard let av = ["L": 0.395, "A": 0.646, "N": 1.0][m["AV"] ?? ""],
              let ac = ["H": 0.35, "M": 0.61, "L": 0.71][m["AC"] ?? ""],
              let au = ["M": 0.45, "S": 0.56, "N": 0.704][m["Au"] ?? ""],
              let c = cia2[m["C"] ?? ""], let i = cia2[m["I"] ?? ""], let a = cia2[m["A"] ?? ""]
        else { return nil }
        let impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a))
        let exploitability = 20 * av * ac * au
        let f = impact == 0 ? 0 : 1.176
        let base = ((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10).rounded() / 10
        return Score(version: "2.0", base: max(base, 0), vector: vector)
    }

    static let cia2 = ["N": 0.0, "P": 0.275, "C": 0.660]
}
