import Foundation
import StrataArtifact
import StrataCore
import StrataScan

/// Finds and reads the ignore file: `--ignorefile`, else `.strataignore` in the working
/// directory, else in the scan root.
enum IgnoreFileLocator {
    static let defaultName = ".strataignore"

    static func load(explicit: String?, root: String) throws(CLIError) -> IgnoreFile? {
        let candidates = explicit.map { [$0] } ?? [defaultName, (root as NSString).appendingPathComponent(defaultName)]
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path) {
                return IgnoreFile(path: path, text: String(decoding: data, as: UTF8.self))
            }
            if explicit != nil {
                throw .input(StrataError(.fileNotFound, "ignore file \(path) does not exist or cannot be read"))
            }
        }
        return nil
    }

    /// Reads scanned files again by report path, for inline `strata:ignore` comments.
    static func reader(root: String, files: [WalkedFile]) -> @Sendable (String) -> [UInt8]? {
        let byPath = Dictionary(files.map { ($0.path, $0.openPath) }, uniquingKeysWith: { a, _ in a })
        return { path in
            guard let open = byPath[path] else { return nil }
            return try? FileReader.read(open, limit: 64 << 20, displayPath: path)
        }
    }
}
