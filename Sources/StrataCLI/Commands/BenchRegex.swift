import ArgumentParser
import Foundation
import StrataRegex

/// `strata bench regex`: the regex engine Rego uses (StrataRegex, RE2 semantics, linear time) against
/// NSRegularExpression (ICU, backtracking), the engine it replaced, on the patterns the Rego corpora use,
/// matched against the corpora's own lines; then a pathological pattern where backtracking explodes.
struct BenchRegex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regex", abstract: "Time Rego's regex engine against NSRegularExpression (see docs/benchmarks.md).",
        discussion: "Example: strata bench regex ../shared/corpora/rego --runs 3")

    @Argument(help: "Directory of .rego files: their literal regex.match/re_match patterns and their lines are the workload.")
    var corpus: String

    @Option(help: "Timed runs of each side (the median is reported).")
    var runs = 3

    @Option(help: "Largest n for the pathological (x+x+)+y over n x's (ICU time doubles with each step).")
    var pathological = 24

    func run() throws {
        guard runs > 0 else { throw CLIError.usage("--runs must be positive", hint: nil) }
        let files = try RegexCorpus.regoFiles(corpus)
        var lines: [String] = [], patterns = Set<String>()
        for f in files {
            let text = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: f))) ?? Data(), as: UTF8.self)
            lines += text.split(separator: "\n").map(String.init)
            patterns.formUnion(RegexCorpus.patterns(in: text))
        }
        var ours: [RE2] = [], theirs: [NSRegularExpression] = []
        for p in patterns.sorted() {
            guard let a = try? RE2(p), let b = try? NSRegularExpression(pattern: p) else { continue }
            ours.append(a)
            theirs.append(b)
        }
        print("corpus \(corpus): \(files.count) files, \(lines.count) lines, \(ours.count) patterns (both engines compile)")
        var mine: [Double] = [], icu: [Double] = []
        var hitsOurs = 0, hitsICU = 0
        for _ in 0..<runs {
            let t0 = DispatchTime.now()
            hitsOurs = 0
            for re in ours { for line in lines where re.matches(line) { hitsOurs += 1 } }
            mine.append(BenchWalk.seconds(since: t0))
            let t1 = DispatchTime.now()
            hitsICU = 0
            for re in theirs {
                for line in lines where re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil { hitsICU += 1 }
            }
            icu.append(BenchWalk.seconds(since: t1))
        }
        let a = BenchWalk.median(mine), b = BenchWalk.median(icu)
        let matches = Double(ours.count * lines.count)
        print(String(format: "StrataRegex          median %.3f s  (%.2f M matches/s)  %d hits", a, matches / a / 1e6, hitsOurs))
        print(String(format: "NSRegularExpression  median %.3f s  (%.2f M matches/s)  %d hits", b, matches / b / 1e6, hitsICU))
        print(String(format: "ratio StrataRegex/NSRegularExpression: %.2f", a / b))
        print("pathological (x+x+)+y over n x's (no match; backtracking is exponential in n):")
        let re = try RE2("(x+x+)+y"), ns = try NSRegularExpression(pattern: "(x+x+)+y")
        for n in stride(from: max(4, pathological - 6), through: pathological, by: 2) {
            let text = String(repeating: "x", count: n)
            let t0 = DispatchTime.now()
            let m1 = re.matches(text)
            let s1 = BenchWalk.seconds(since: t0)
            let t1 = DispatchTime.now()
            let m2 = ns.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let s2 = BenchWalk.seconds(since: t1)
            print(String(format: "  n=%2d  StrataRegex %.6f s  NSRegularExpression %.6f s  ratio %.4f  (match: %@/%@)",
                         n, s1, s2, s1 / s2, "\(m1)", "\(m2)"))
        }
    }
}

/// The literal patterns Rego sources hand to `regex.match` / `re_match` (string or raw-string literals).
enum RegexCorpus {
    static func regoFiles(_ root: String) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root) else { throw CLIError.usage("\(root): cannot read", hint: nil) }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasSuffix(".rego") { out.append(root + "/" + rel) }
        }
        return out.sorted()
    }

    static func patterns(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let r = rest.range(of: "(?:regex\\.match|re_match)\\(\\s*", options: .regularExpression) {
            rest = rest[r.upperBound...]
            guard let q = rest.first else { break }
            if q == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                out.append(String(rest[rest.index(after: rest.startIndex)..<end]))
            } else if q == "\"" {
                var s = "", escaped = false
                for ch in rest.dropFirst() {
                    if escaped {
                        s.append(ch == "n" ? "\n" : ch == "t" ? "\t" : ch)
                        escaped = false
                    } else if ch == "\\" {
                        escaped = true
                    } else if ch == "\"" {
                        out.append(s)
                        break
                    } else {
                        s.append(ch)
                    }
                }
            }
        }
        return out
    }
}
