import Foundation
import StrataCore
import StrataRego
import StrataRegoAST

/// What `-d/--data` names, loaded as OPA loads it: `.rego` files become modules; `.json`,
/// `.yaml` and `.yml` files become base documents under the path of their directory relative to
/// the named directory (`-d policies` with `policies/k8s/data.json` → `data.k8s`).
struct RegoSources {
    var modules: [(name: String, source: String)] = []
    var data: Value = .object([:])

    static let dataExtensions: Set<String> = ["json", "yaml", "yml"]

    static func load(_ paths: [String]) throws(CLIError) -> RegoSources {
        var sources = RegoSources()
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw .input(StrataError(.fileNotFound, "\(path): no such file or directory"))
            }
            if isDir.boolValue {
                for file in RegoSources.files(under: path) {
                    let relativeDir = (String(file.dropFirst(path.count)).split(separator: "/").dropLast()).map(String.init)
                    try sources.add(file: file, prefix: relativeDir)
                }
            } else {
                try sources.add(file: path, prefix: [])
            }
        }
        return sources
    }

    static func files(under root: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            let ext = (rel as NSString).pathExtension.lowercased()
            if ext == "rego" || dataExtensions.contains(ext) { out.append((root as NSString).appendingPathComponent(rel)) }
        }
        return out.sorted()
    }

    mutating func add(file: String, prefix: [String]) throws(CLIError) {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw .input(StrataError(.fileUnreadable, "\(file): cannot read"))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let ext = (file as NSString).pathExtension.lowercased()
        if ext == "rego" {
            modules.append((name: file, source: text))
            return
        }
        let document = try RegoSources.parseDocument(text, path: file)
        guard let merged = data.merging(Value.nested(document, under: prefix)) else {
            throw .input(StrataError(.parseError, "\(file): conflicts with data loaded earlier at the same path"))
        }
        data = merged
    }

    static func parseDocument(_ text: String, path: String) throws(CLIError) -> Value {
        let ext = (path as NSString).pathExtension.lowercased()
        do {
            if ext == "json" { return try RegoEngine.parseJSON(text) }
            return try YAMLConversion.parse(text) ?? .null
        } catch {
            throw .input(StrataError(.parseError, "\(path): \(error)"))
        }
    }

    /// `-i/--input`: JSON or YAML by extension (`-` reads stdin as JSON).
    static func input(_ path: String?) throws(CLIError) -> Value? {
        guard let path else { return nil }
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw .input(StrataError(.fileNotFound, "\(path): no such file or not readable")) }
        return try parseDocument(String(decoding: data, as: UTF8.self), path: path == "-" ? "stdin.json" : path)
    }
}
