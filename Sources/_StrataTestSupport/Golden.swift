import Foundation

/// Golden-file comparison: `Golden/<suite>/<name>` beside the test. `STRATA_RECORD=1` rewrites
/// the file and reports a failure, so a recorded run never passes silently.
public enum Golden {
    public enum Outcome: Equatable, Sendable {
        case match
        case recorded(path: String)
        case mismatch(path: String, diff: String)
        case missing(path: String)
    }

    public static func compare(_ actual: String, suite: String, name: String, file: String = #filePath) -> Outcome {
        let dir = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(suite)
        let url = dir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["STRATA_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return .recorded(path: url.path)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing(path: url.path) }
        let expected = String(decoding: data, as: UTF8.self)
        return expected == actual ? .match : .mismatch(path: url.path, diff: firstDifference(expected, actual))
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>"
            let y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return "line \(i + 1):\n- \(x)\n+ \(y)" }
        }
        return "identical lines, different bytes"
    }
}
