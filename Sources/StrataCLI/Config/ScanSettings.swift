import Foundation
import StrataArtifact
import StrataCore
import StrataScan

/// Walk and scanner settings after precedence and validation.
struct ScanSettings {
    var scanners: [String]
    var walkOptions: WalkOptions

    init(_ flags: WalkFlags, resolver: SettingsResolver, defaultScanners: [String]) throws(CLIError) {
        scanners = resolver.list("scanners", flags: flags.scanners.map { [$0] } ?? []) ?? defaultScanners
        let maxSize = try resolver.string("max-file-size", flag: flags.maxFileSize).map(ScanSettings.byteCount) ?? WalkOptions.defaultMaxFileSize
        let gitignore: Bool
        do { gitignore = try resolver.bool("gitignore", flag: flags.gitignore) } catch { throw .input(error) }
        walkOptions = WalkOptions(
            skipDirs: resolver.list("skip-dirs", flags: flags.skipDirs) ?? [],
            skipFiles: resolver.list("skip-files", flags: flags.skipFiles) ?? [],
            respectGitignore: gitignore, maxFileSize: maxSize)
    }

    /// `1048576`, `512K`, `64M`, `1G`.
    static func byteCount(_ text: String) throws(CLIError) -> Int64 {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let multipliers: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(t)
        var factor: Int64 = 1
        if let last = t.last, let m = multipliers[last] {
            factor = m
            digits = digits.dropLast()
        }
        guard let n = Int64(digits), n > 0 else {
            throw .usage("invalid size '\(text)'", hint: "--max-file-size takes bytes with an optional K, M or G suffix")
        }
        return n * factor
    }
}

enum ScanSettingsSelection {
    /// The registered scanners for the ids; a note on stderr for ids this build lacks.
    static func scanners(_ ids: [String], quiet: Bool, registry: ScannerRegistry = .builtin) throws(CLIError) -> [any StrataScanner] {
        let selected: [any StrataScanner]
        do throws(StrataError) { selected = try registry.select(ids) } catch {
            throw .usage(error.reason, hint: "--scanners takes a comma-separated list")
        }
        let missing = registry.unavailable(ids)
        if !quiet, !missing.isEmpty {
            Stderr.line("note: scanner(s) not in this build yet: \(missing.joined(separator: ", "))")
        }
        return selected
    }
}
