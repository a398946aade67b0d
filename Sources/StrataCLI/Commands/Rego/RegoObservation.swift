import ArgumentParser
import Foundation
import StrataRego
import StrataRegoAST

/// `--explain`, `--profile`, `--coverage` for `rego eval` and `rego test`: an `EvalObserver` on the engine, and
/// the text it renders. Trace lines read like OPA's: `file:row  <indent>Event <source line>`.
struct RegoObservation {
    enum Explain: String, CaseIterable, ExpressibleByArgument { case notes, fails, full }

    let observer: EvalObserver
    let explain: Explain?

    init?(explain: Explain?, profile: Bool, coverage: Bool) {
        var features: EvalObserver.Features = []
        if explain != nil { features.insert(.trace) }
        if profile { features.insert(.profile) }
        if coverage { features.insert(.coverage) }
        guard !features.isEmpty else { return nil }
        observer = EvalObserver(features)
        self.explain = explain
    }

    func attach(to engine: RegoEngine) -> RegoEngine {
        var e = engine
        e.options.eval.observer = observer
        return e
    }

    /// The trace filtered as `--explain` asks: notes only, failures only, or everything.
    func explanation(sources: [(name: String, source: String)]) -> String {
        guard let explain else { return "" }
        let lines = Dictionary(sources.map { ($0.name, $0.source.split(separator: "\n", omittingEmptySubsequences: false)) },
                               uniquingKeysWith: { a, _ in a })
        var out: [String] = []
        for t in observer.trace {
            switch explain {
            case .notes: guard t.event == .note else { continue }
            case .fails: guard t.event == .fail else { continue }
            case .full: break
            }
            let file = t.location.file.isEmpty ? "query" : (t.location.file as NSString).lastPathComponent
            let text: String
            if let note = t.note {
                text = note
            } else if let rows = lines[t.location.file], t.location.row >= 1, t.location.row <= rows.count {
                text = rows[t.location.row - 1].trimmingCharacters(in: .whitespaces)
            } else {
                text = ""
            }
            let place = "\(file):\(t.location.row)".padding(toLength: max(12, file.count + 6), withPad: " ", startingAt: 0)
            out.append("\(place) \(String(repeating: "| ", count: t.depth))\(t.event.rawValue) \(text)")
        }
        if observer.traceTruncated { out.append("… trace truncated at \(observer.traceLimit) events") }
        return out.joined(separator: "\n")
    }

    /// `--profile`: the expressions that took most time (their continuations excluded), as OPA's table.
    func profileTable(limit: Int = 20) -> String {
        var out = ["+----------+----------+----------+--------------------------------+",
                   "|   TIME   | NUM EVAL | NUM REDO |            LOCATION            |",
                   "+----------+----------+----------+--------------------------------+"]
        for p in observer.profile.prefix(limit) {
            let time = String(format: "%.3fms", Double(p.nanoseconds) / 1e6)
            let loc = "\(p.location.file.isEmpty ? "query" : (p.location.file as NSString).lastPathComponent):\(p.location.row)"
            out.append("| \(time.padding(toLength: 8, withPad: " ", startingAt: 0)) | \(String(p.evaluations).padding(toLength: 8, withPad: " ", startingAt: 0)) | "
                       + "\(String(max(0, p.solutions - 1)).padding(toLength: 8, withPad: " ", startingAt: 0)) | \(loc.padding(toLength: 30, withPad: " ", startingAt: 0)) |")
        }
        out.append(out[0])
        return out.joined(separator: "\n")
    }

    func coverage(_ engine: RegoEngine) -> String {
        CoverageReport.json(modules: engine.policy.modules, covered: observer.covered).jsonString(pretty: true)
    }
}
