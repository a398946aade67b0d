import Foundation
import StrataArtifact
import StrataCore
import StrataSecrets

/// `secret`: keyword-prefiltered rules over every text file, and over git history with
/// `--git-history`. Settings: `secret.config` (a rule file applied on top of the built-in
/// rules), `secret.git-history` (`true`).
public struct SecretScanner: StrataScanner {
    public let id = "secret"
    let ruleSet: RuleSet?

    public init(ruleSet: RuleSet? = nil) {
        self.ruleSet = ruleSet
    }

    /// The built-in rules, compiled once on first use.
    static let builtin: Result<RuleSet, StrataError> = Result { () throws(StrataError) in try RuleSet.load(config: nil) }

    public func prepared(for context: ScanContext) throws(StrataError) -> any StrataScanner {
        guard let path = context.setting(id, "config") else { return SecretScanner(ruleSet: try SecretScanner.builtin.get()) }
        let bytes = try FileReader.read(Array(path.utf8), limit: 16 << 20, displayPath: path)
        let config = try RuleFileParser.parse(String(decoding: bytes, as: UTF8.self), path: path)
        return SecretScanner(ruleSet: try RuleSet.load(config: config, configPath: path))
    }

    func activeRules() throws(StrataError) -> RuleSet {
        if let ruleSet { return ruleSet }
        return try SecretScanner.builtin.get()
    }

    /// Formats that are binary by definition; they are not even read. Everything else is read and
    /// sniffed (`TextSniffer`).
    static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "psd", "mp3", "mp4", "mov", "avi", "mkv",
        "wav", "flac", "ogg", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "jar", "war", "class", "so",
        "dylib", "dll", "exe", "o", "a", "pdf", "woff", "woff2", "ttf", "otf", "eot", "pyc", "whl",
    ]

    public func wants(_ file: WalkedFile) -> Bool {
        guard file.size > 0 else { return false }
        guard let dot = file.name.lastIndex(of: ".") else { return true }
        return !SecretScanner.binaryExtensions.contains(file.name[file.name.index(after: dot)...].lowercased())
    }

    public func scan(_ file: ScannedFile, context: ScanContext) -> FileScanResult {
        let rules: RuleSet
        do throws(StrataError) { rules = try activeRules() } catch {
            return FileScanResult(diagnostics: [Diagnostic(error, path: file.path)])
        }
        let result = SecretEngine(ruleSet: rules).scan(file.bytes, path: file.path)
        var out = FileScanResult(findings: SecretFindings(ruleSet: rules).findings(result, target: file.path, path: file.path))
        if result.truncated {
            out.diagnostics.append(Diagnostic(
                level: .warning, code: .depthLimit, location: SourceLocation(path: file.path),
                reason: "more than \(SecretEngine.maxMatchesPerFile) secrets in one file; only the first \(SecretEngine.maxMatchesPerFile) are reported"))
        }
        return out
    }

    public func finish(files: [WalkedFile], context: ScanContext) -> FileScanResult {
        guard context.setting(id, "git-history") == "true" else { return FileScanResult() }
        let rules: RuleSet
        do throws(StrataError) { rules = try activeRules() } catch {
            return FileScanResult(diagnostics: [Diagnostic(error, path: context.root)])
        }
        // STRATA_GIT_READER=native|git forces one reader (troubleshooting, benchmarks); the default tries native first.
        let reader: GitHistoryScanner.Reader = switch ProcessInfo.processInfo.environment["STRATA_GIT_READER"] {
        case "native": .native
        case "git": .commandLine
        default: .automatic
        }
        let outcome = GitHistoryScanner(
            engine: SecretEngine(ruleSet: rules), repository: context.root, workTree: Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
            reader: reader).scan()
        return FileScanResult(findings: outcome.findings, diagnostics: outcome.diagnostics)
    }
}
