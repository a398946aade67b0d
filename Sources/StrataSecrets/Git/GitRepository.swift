import Foundation
import StrataCore

/// Where a repository's files are and what its refs point at, read from `.git` directly: the
/// `.git` directory (or a `.git` file's `gitdir:` for worktrees and submodules, with `commondir`),
/// `HEAD`, loose refs under `refs/` and `packed-refs`. Formats this reader does not know (SHA-256
/// object names, the reftable ref store, index versions other than 2) are `not-available`, so
/// the caller can fall back to the `git` command line.
struct GitRepository {
    /// Holds `HEAD` (per worktree).
    let gitDir: String
    /// Holds `objects/`, `refs/`, `packed-refs` (shared by worktrees).
    let commonDir: String

    /// Finds the repository containing `path`, searching upwards as git does.
    init(containing path: String) throws(StrataError) {
        let fm = FileManager.default
        var dir = URL(fileURLWithPath: path).standardizedFileURL
        while true {
            let dotGit = dir.appendingPathComponent(".git").path
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: dotGit, isDirectory: &isDir) {
                if isDir.boolValue {
                    gitDir = dotGit
                } else {
                    guard let text = try? String(contentsOfFile: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") else {
                        throw StrataError(.parseError, "\(dotGit): not a gitdir file")
                    }
                    let target = text.dropFirst(7).trimmingCharacters(in: .whitespacesAndNewlines)
                    gitDir = target.hasPrefix("/") ? target : dir.appendingPathComponent(target).standardizedFileURL.path
                }
                break
            }
            if dir.path == "/" { throw StrataError(.fileNotFound, "\(path): not inside a git repository") }
            dir.deleteLastPathComponent()
        }
        if let common = try? String(contentsOfFile: gitDir + "/commondir", encoding: .utf8) {
            let c = common.trimmingCharacters(in: .whitespacesAndNewlines)
            commonDir = c.hasPrefix("/") ? c : URL(fileURLWithPath: gitDir).appendingPathComponent(c).standardizedFileURL.path
        } else {
            commonDir = gitDir
        }
        let config = (try? String(contentsOfFile: commonDir + "/config", encoding: .utf8))?.lowercased() ?? ""
        let compact = config.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\t", with: "")
        if compact.contains("objectformat=sha256") || compact.contains("refstorage=reftable") {
            throw StrataError(.notAvailable, "\(commonDir): SHA-256 or reftable repositories are read through git")
        }
        guard fm.fileExists(atPath: commonDir + "/objects") else { throw StrataError(.fileNotFound, "\(commonDir): no objects directory") }
    }

    /// Every ref's target (HEAD, `refs/**`, `packed-refs`), as `git log --all` starts from them;
    /// symbolic refs are followed. Unreadable or malformed refs are skipped.
    func refTips() -> [GitObjectID] {
        var tips: [GitObjectID] = []
        var seen = Set<GitObjectID>()
        func add(_ id: GitObjectID?) { if let id, seen.insert(id).inserted { tips.append(id) } }
        var packed: [String: GitObjectID] = [:]
        if let text = try? String(contentsOfFile: commonDir + "/packed-refs", encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("^") {
                let parts = line.split(separator: " ", maxSplits: 1)
                if parts.count == 2, let id = GitObjectID(hex: parts[0]) { packed[String(parts[1])] = id }
            }
        }
        add(resolve("HEAD", packed: packed))
        var loose: [String] = []
        if let e = FileManager.default.enumerator(atPath: commonDir + "/refs") {
            while let rel = e.nextObject() as? String {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: commonDir + "/refs/" + rel, isDirectory: &isDir), !isDir.boolValue { loose.append("refs/" + rel) }
            }
        }
        for name in Set(loose).union(packed.keys).sorted() { add(resolve(name, packed: packed)) }
        return tips
    }

    private func resolve(_ name: String, packed: [String: GitObjectID], depth: Int = 0) -> GitObjectID? {
        guard depth < 8 else { return nil }
        let file = (name == "HEAD" ? gitDir : commonDir) + "/" + name
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.hasPrefix("ref:") { return resolve(t.dropFirst(4).trimmingCharacters(in: .whitespaces), packed: packed, depth: depth + 1) }
            return GitObjectID(hex: t)
        }
        return packed[name]
    }
}
