import StrataCore

/// `go.mod`: `require` lines and blocks (direct unless marked `// indirect`), with `replace`
/// directives applied — a module replaced by another module@version is reported as that
/// module; one replaced by a local directory is dropped (its code is in the tree, not a module).
public struct GoModParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    struct Requirement {
        var path: String
        var version: String
        var indirect: Bool
        var line: Int
    }

    struct Replacement {
        var oldPath: String
        var oldVersion: String?
        var newPath: String
        var newVersion: String?
    }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        var requires: [Requirement] = []
        var replaces: [Replacement] = []
        for entry in GoModLexer.entries(source, path: path, into: &inventory) {
            switch entry.verb {
            case "require":
                if let req = requirement(entry, path: path, into: &inventory) { requires.append(req) }
            case "replace":
                if let rep = replacement(entry, path: path, into: &inventory) { replaces.append(rep) }
            default:
                continue
            }
        }
        for req in requires.prefix(limits.maxPackages) {
            if let package = resolve(req, replaces: replaces, path: path) { inventory.packages.append(package) }
        }
        return inventory
    }

    private func requirement(_ entry: GoModLexer.Entry, path: String, into inventory: inout Inventory) -> Requirement? {
        guard entry.args.count == 2 else {
            inventory.warn(path, line: entry.line, "require needs a module path and a version")
            return nil
        }
        let indirect = entry.comment.split(separator: ";").contains { $0.trimmed == "indirect" }
        return Requirement(path: entry.args[0], version: entry.args[1], indirect: indirect, line: entry.line)
    }

    private func replacement(_ entry: GoModLexer.Entry, path: String, into inventory: inout Inventory) -> Replacement? {
        guard let arrow = entry.args.firstIndex(of: "=>") else {
            inventory.warn(path, line: entry.line, "replace without =>")
            return nil
        }
        let old = entry.args[..<arrow], new = entry.args[(arrow + 1)...]
        guard (1...2).contains(old.count), (1...2).contains(new.count) else {
            inventory.warn(path, line: entry.line, "replace needs `path [version] => path [version]`")
            return nil
        }
        return Replacement(oldPath: old.first!, oldVersion: old.dropFirst().first,
                           newPath: new.first!, newVersion: new.dropFirst().first)
    }

    private func resolve(_ req: Requirement, replaces: [Replacement], path: String) -> InventoryPackage? {
        var module = req.path, version = req.version
        let matching = replaces.last { $0.oldPath == req.path && $0.oldVersion == req.version }
            ?? replaces.last { $0.oldPath == req.path && $0.oldVersion == nil }
        if let rep = matching {
            guard let newVersion = rep.newVersion else { return nil }  // local directory
            module = rep.newPath
            version = newVersion
        }
        return InventoryPackage(
            name: module, version: version, ecosystem: "Go", purl: .golang(module, version),
            relationship: req.indirect ? .indirect : .direct,
            location: SourceLocation(path: path, startLine: req.line))
    }
}
