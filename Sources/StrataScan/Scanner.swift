import StrataArtifact
import StrataCore

/// A scanner family (secrets, misconfiguration, vulnerabilities, licenses) plugged into the one
/// walk that `strata fs` makes. The runner reads each file once and hands the bytes to every
/// scanner that wants it; scanners are values and may run on several threads at once.
public protocol StrataScanner: Sendable {
    /// Stable id used by `--scanners` (`secret`, `misconfig`, `vuln`, `license`).
    var id: String { get }
    /// Cheap decision from the path and size alone; called for every file.
    func wants(_ file: WalkedFile) -> Bool
    /// Scans one file's bytes. Problems with this file become diagnostics in the result.
    func scan(_ file: ScannedFile, context: ScanContext) -> FileScanResult
    /// Work over the whole tree after all files (lock files that pair up, git history, …).
    func finish(files: [WalkedFile], context: ScanContext) -> FileScanResult
    /// Called once before the walk: load and compile what the settings name (rule files). A
    /// problem here is a usage error for the whole scan.
    func prepared(for context: ScanContext) throws(StrataError) -> any StrataScanner
}

extension StrataScanner {
    public func prepared(for context: ScanContext) throws(StrataError) -> any StrataScanner { self }

    public func finish(files: [WalkedFile], context: ScanContext) -> FileScanResult { FileScanResult() }
}

/// One file's contents as a scanner sees it.
public struct ScannedFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

public struct FileScanResult: Sendable {
    public var findings: [Finding]
    public var diagnostics: [Diagnostic]
    /// Packages inventoried on the way (reported with `--list-all-pkgs`).
    public var packages: [PackageFacts]
    /// `strata:ignore:` comments of scanned files that have findings, parsed while their bytes were
    /// in memory (the runner fills this), so that suppression need not read those files again.
    public var inlineComments: [String: InlineSuppressions]

    public init(findings: [Finding] = [], diagnostics: [Diagnostic] = [], packages: [PackageFacts] = [],
                inlineComments: [String: InlineSuppressions] = [:]) {
        self.findings = findings
        self.diagnostics = diagnostics
        self.packages = packages
        self.inlineComments = inlineComments
    }

    public mutating func merge(_ other: FileScanResult) {
        findings += other.findings
        diagnostics += other.diagnostics
        packages += other.packages
        inlineComments.merge(other.inlineComments) { first, _ in first }
    }
}

/// Facts every scanner may consult: where the root is, the clock, scanner-specific settings.
public struct ScanContext: Sendable {
    public let root: String
    public let clock: any Clock
    /// Scanner-specific settings keyed by scanner id, then by setting name (`secret` → `config`).
    public let settings: [String: [String: String]]

    public init(root: String, clock: any Clock = SystemClock(), settings: [String: [String: String]] = [:]) {
        self.root = root
        self.clock = clock
        self.settings = settings
    }

    public func setting(_ scanner: String, _ name: String) -> String? { settings[scanner]?[name] }
}
