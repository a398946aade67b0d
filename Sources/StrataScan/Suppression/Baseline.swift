import Foundation
import StrataCore

/// `--baseline FILE`: findings already known. The file is a previous Strata JSON report (every
/// `Fingerprint` in it counts, reported or suppressed), a JSON list of fingerprints, or text
/// with one fingerprint per line (`#` comments). Matching findings are moved to the report's
/// suppressed list with source `baseline`.
public struct Baseline: Sendable {
    public let path: String
    public let fingerprints: Set<String>

    public init(path: String, fingerprints: Set<String>) {
        self.path = path
        self.fingerprints = fingerprints
    }

    public init(path: String, bytes: [UInt8]) throws(StrataError) {
        self.path = path
        if let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) {
            var found = Set<String>()
            Baseline.collect(json, into: &found)
            guard json is [Any] || json is [String: Any] else {
                throw StrataError(.reportInvalid, "baseline is JSON but neither a report nor a list of fingerprints", at: SourceLocation(path: path))
            }
            fingerprints = found
            return
        }
        var found = Set<String>()
        for (i, raw) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            guard line.count == 64, line.allSatisfy(\.isHexDigit) else {
                throw StrataError(.reportInvalid, "baseline line is not a fingerprint (64 hex digits)", at: SourceLocation(path: path, startLine: i + 1))
            }
            found.insert(line.lowercased())
        }
        fingerprints = found
    }

    static func collect(_ value: Any, into found: inout Set<String>) {
        if let list = value as? [Any] {
            for item in list {
                if let s = item as? String { found.insert(s) } else { collect(item, into: &found) }
            }
        } else if let map = value as? [String: Any] {
            for (key, v) in map {
                if key == "Fingerprint", let s = v as? String { found.insert(s) } else { collect(v, into: &found) }
            }
        }
    }

    /// Moves kept findings whose fingerprint is in the baseline to `suppressed`.
    public func apply(_ outcome: Suppressor.Outcome) -> Suppressor.Outcome {
        var out = outcome
        out.kept = []
        for finding in outcome.kept {
            if fingerprints.contains(finding.fingerprint) {
                out.suppressed.append(SuppressedFinding(finding: finding, source: .baseline, reason: "in baseline", origin: path))
            } else {
                out.kept.append(finding)
            }
        }
        return out
    }
}
