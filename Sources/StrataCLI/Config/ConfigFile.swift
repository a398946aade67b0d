import Foundation
import StrataCore
import Yams

/// `strata.yaml`: the same settings as the flags, under their long names.
///
///     format: sarif
///     severity: [CRITICAL, HIGH]
///     fail-on: high
///     skip-dirs: [vendor, node_modules]
struct ConfigFile {
    static let keys: Set<String> = [
        "format", "output", "severity", "fail-on", "ignorefile", "quiet", "no-progress", "offline",
        "scanners", "skip-dirs", "skip-files", "gitignore", "max-file-size",
        "secret-config", "git-history", "baseline", "ignore-unfixed", "list-all-pkgs", "pkg-types",
    ]

    let path: String
    var values: [String: String] = [:]

    init(path: String, text: String) throws(StrataError) {
        self.path = path
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw StrataError(.configInvalid, "not valid YAML: \(error)", at: SourceLocation(path: path))
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            throw StrataError(.configInvalid, "expected a mapping of settings", at: location(node))
        }
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            guard ConfigFile.keys.contains(key) else {
                throw StrataError(.configInvalid, "unknown setting '\(key)'; known: \(ConfigFile.keys.sorted().joined(separator: ", "))", at: location(keyNode))
            }
            values[key] = try scalarText(valueNode)
        }
    }

    /// Lists become comma-separated text, the same form the flags take.
    func scalarText(_ node: Node) throws(StrataError) -> String {
        if let s = node.string { return s }
        if let seq = node.sequence {
            var parts: [String] = []
            for item in seq {
                guard let s = item.string else { throw StrataError(.configInvalid, "expected a list of strings", at: location(item)) }
                parts.append(s)
            }
            return parts.joined(separator: ",")
        }
        throw StrataError(.configInvalid, "expected a string or a list", at: location(node))
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(path: path, startLine: node.mark.map { $0.line }, startColumn: node.mark.map { $0.column })
    }

    static func load(explicit: String?, environment: [String: String]) throws(StrataError) -> ConfigFile? {
        let chosen = explicit ?? environment["STRATA_CONFIG"]
        let path = chosen ?? "strata.yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            if chosen != nil { throw StrataError(.fileNotFound, "config file \(path) does not exist") }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StrataError(.fileUnreadable, "cannot read config file \(path)")
        }
        return try ConfigFile(path: path, text: String(decoding: data, as: UTF8.self))
    }
}
