import Dispatch
import Foundation
import StrataArtifact
import StrataCore

/// Runs the selected scanners over one walk: each wanted file is read once and scanned by every
/// scanner that wants it, in parallel over files; results are merged in walk order so output is
/// deterministic whatever the thread count.
public struct ScanRunner: Sendable {
    public let scanners: [any StrataScanner]
    public let walker: FileWalker
    public let concurrency: Int

    public init(scanners: [any StrataScanner], walker: FileWalker, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.scanners = scanners
        self.walker = walker
        self.concurrency = max(1, concurrency)
    }

    public struct Outcome: Sendable {
        public var files: [WalkedFile]
        public var findings: [Finding]
        public var diagnostics: [Diagnostic]
        public var packages: [PackageFacts]
        /// Inline comments of the scanned files that have findings (see `FileScanResult.inlineComments`).
        public var inlineComments: [String: InlineSuppressions] = [:]
    }

    public func run(root: String, context: ScanContext, progress: ProgressSink? = nil) throws(StrataError) -> Outcome {
        var scanners: [any StrataScanner] = []
        for scanner in self.scanners { scanners.append(try scanner.prepared(for: context)) }
        let walk = try walker.walk(root: root)
        let work = walk.files.enumerated().compactMap { index, file -> (Int, WalkedFile, [any StrataScanner])? in
            let wanted = scanners.filter { $0.wants(file) }
            return wanted.isEmpty ? nil : (index, file, wanted)
        }
        progress?.start(total: work.count)
        let perFile = scanInParallel(work, context: context, progress: progress)
        progress?.finish()
        var merged = FileScanResult(diagnostics: walk.diagnostics)
        for result in perFile { merged.merge(result) }
        for scanner in scanners { merged.merge(scanner.finish(files: walk.files, context: context)) }
        return Outcome(files: walk.files, findings: merged.findings, diagnostics: merged.diagnostics.sorted(), packages: merged.packages,
                       inlineComments: merged.inlineComments)
    }

    private func scanInParallel(_ work: [(Int, WalkedFile, [any StrataScanner])], context: ScanContext, progress: ProgressSink?) -> [FileScanResult] {
        let limit = walker.options.maxFileSize
        return ParallelMap.run(work, concurrency: concurrency, largestFirst: { $0.1.size }) { item in
            let result = ScanRunner.scanOne(item.1, item.2, context: context, limit: limit)
            progress?.advance()
            return result
        }
    }

    static func scanOne(_ file: WalkedFile, _ scanners: [any StrataScanner], context: ScanContext, limit: Int64) -> FileScanResult {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(file.openPath, limit: limit, displayPath: file.path)
        } catch {
            return FileScanResult(diagnostics: [Diagnostic(error, path: file.path)])
        }
        var result = FileScanResult()
        let scanned = ScannedFile(path: file.path, bytes: bytes)
        for scanner in scanners { result.merge(scanner.scan(scanned, context: context)) }
        if result.findings.contains(where: { $0.location?.path == file.path }) {
            result.inlineComments[file.path] = InlineSuppressions(bytes: bytes)
        }
        return result
    }
}
