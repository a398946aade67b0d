import ArgumentParser
import Foundation
import StrataArtifact

/// `strata bench …`: benchmarks on real or generated inputs, each printed as a ratio against a
/// baseline measured in the same run (never an absolute threshold).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks with same-run baselines (see docs/benchmarks.md).",
        subcommands: [BenchWalk.self, BenchRego.self, BenchRegex.self])
}

/// Walker throughput against `find PATH -type f | wc -l`.
struct BenchWalk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk", abstract: "Time the filesystem walker against find(1).",
        discussion: "Example: strata bench walk /tmp/strata-tree --generate 50000 --runs 5")

    @Argument(help: "Tree to walk.")
    var path: String

    @Option(help: "Create a tree of this many files at PATH first, if PATH does not exist.")
    var generate: Int?

    @Option(help: "Timed runs of each side (the median is reported).")
    var runs = 5

    func run() throws {
        if let generate, !FileManager.default.fileExists(atPath: path) {
            try TreeGenerator.make(at: path, files: generate)
        }
        guard runs > 0 else { throw CLIError.usage("--runs must be positive", hint: nil) }
        let walker = FileWalker()
        var ours: [Double] = [], theirs: [Double] = [], statting: [Double] = []
        var count = 0, findCount = 0
        _ = try walker.walk(root: path)  // warm the page cache for both sides
        for _ in 0..<runs {
            let t0 = DispatchTime.now()
            count = try walker.walk(root: path).files.count
            ours.append(BenchWalk.seconds(since: t0))
            let t1 = DispatchTime.now()
            findCount = try BenchWalk.findCount(path)
            theirs.append(BenchWalk.seconds(since: t1))
            // find with a size test must stat every file, as the walker does for its size limit.
            let t2 = DispatchTime.now()
            _ = try BenchWalk.findCount(path, extra: ["-size", "-65537k"])
            statting.append(BenchWalk.seconds(since: t2))
        }
        let a = BenchWalk.median(ours), b = BenchWalk.median(theirs), c = BenchWalk.median(statting)
        print("walk \(path): strata \(count) files, find \(findCount) files, \(runs) runs each")
        print(String(format: "strata walker  median %.3f s  (%.0f files/s)", a, Double(count) / a))
        print(String(format: "find | wc -l   median %.3f s  (%.0f files/s)", b, Double(findCount) / b))
        print(String(format: "find -size      median %.3f s  (stats every file, like the walker)", c))
        print(String(format: "ratio strata/find: %.2f   strata/find-with-stat: %.2f", a / b, a / c))
    }

    static func findCount(_ path: String, extra: [String] = []) throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/find")
        p.arguments = [path, "-type", "f"] + extra
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// A deterministic tree shaped like a source repository: nested directories, mixed file kinds.
enum TreeGenerator {
    static let kinds = ["swift", "go", "py", "yaml", "json", "tf", "md", "txt"]

    static func make(at root: String, files: Int) throws {
        let fm = FileManager.default
        for i in 0..<files {
            let dir = "\(root)/d\(i % 20)/s\(i / 20 % 25)/t\(i % 7)"
            if i < 20 * 25 * 7 { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            let body = "// file \(i)\nvalue: \(i * 7919 % 10007)\n"
            _ = fm.createFile(atPath: "\(dir)/f\(i).\(kinds[i % kinds.count])", contents: Data(body.utf8))
        }
    }
}
