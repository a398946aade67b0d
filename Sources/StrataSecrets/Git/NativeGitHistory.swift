import StrataCore

/// `git log --all --reverse -m --raw --no-renames` without git: every commit reachable from a ref,
/// in the order git's default walk gives (newest committer date first, ties in the order found),
/// reversed; for each commit the blobs that differ from each parent (from the empty tree for a
/// root commit), and each blob attributed to the first commit that lists it. Unchanged subtrees
/// are skipped by id, so the work follows the changes, not the size of every snapshot.
struct NativeGitHistory {
    let repository: GitRepository
    let store: GitObjectStore
    static let objectLimit = 64 << 20

    init(repository path: String) throws(StrataError) {
        repository = try GitRepository(containing: path)
        store = try GitObjectStore(objectsDirectory: repository.commonDir + "/objects")
    }

    struct Walk {
        var origins: [GitHistoryScanner.BlobOrigin] = []
        /// Objects that could not be read (the walk goes on without them).
        var problems: [String] = []
    }

    /// Trees nested deeper than this are not followed (git's own `core.maxTreeDepth` default); a
    /// hostile repository could otherwise nest them until the recursion overflows the stack.
    static let maxTreeDepth = 4096

    func walk() -> Walk {
        var problems: [String] = []
        var commits: [GitObjectID: GitCommit] = [:]
        /// The commit `id` names, through tags; nil for tags of trees or blobs (git log skips them too).
        func commit(_ id: GitObjectID) -> (GitObjectID, GitCommit)? {
            if let c = commits[id] { return (id, c) }
            do {
                var at = id
                var object = try store.read(at, limit: Self.objectLimit)
                var hops = 0
                while object.type == .tag, hops < 16, let target = GitCommit.tagTarget(object.data) {
                    at = target
                    if let c = commits[at] { return (at, c) }
                    object = try store.read(at, limit: Self.objectLimit)
                    hops += 1
                }
                guard object.type == .commit else { return nil }
                let c = GitCommit(object.data)
                commits[at] = c
                return (at, c)
            } catch {
                problems.append("commit \(id.description.prefix(12)): \(error.reason)")
                return nil
            }
        }
        // The default walk: a queue ordered by committer time, newest first, FIFO among equals.
        var heap = CommitQueue()
        var seen = Set<GitObjectID>()
        var order: [(GitObjectID, GitCommit)] = []
        for tip in repository.refTips() {
            guard let (id, c) = commit(tip) else { continue }
            if seen.insert(id).inserted { heap.push(id, time: c.commitTime) }
        }
        while let id = heap.pop() {
            guard let c = commits[id] else { continue }
            order.append((id, c))
            for p in c.parents where seen.insert(p).inserted {
                if let (_, pc) = commit(p) { heap.push(p, time: pc.commitTime) }
            }
        }
        var trees = TreeCache(store: store)
        var blobs = Set<GitObjectID>()
        var origins: [GitHistoryScanner.BlobOrigin] = []
        for (id, c) in order.reversed() {
            guard let tree = c.tree else { continue }
            let bases: [GitObjectID?] = c.parents.isEmpty ? [nil] : c.parents.map { commits[$0]?.tree }
            for base in bases {
                diff(base, tree, prefix: [], depth: 0, trees: &trees, problems: &problems) { blob, path in
                    if blobs.insert(blob).inserted {
                        origins.append(GitHistoryScanner.BlobOrigin(
                            blob: blob.description, commit: id.description, authorDate: c.authorDate, path: String(decoding: path, as: UTF8.self)))
                    }
                }
            }
        }
        return Walk(origins: origins, problems: problems)
    }

    /// Blobs of `new` that `old` does not have at the same path, depth first in tree order.
    private func diff(_ old: GitObjectID?, _ new: GitObjectID, prefix: [UInt8], depth: Int, trees: inout TreeCache,
                      problems: inout [String], emit: (GitObjectID, [UInt8]) -> Void) {
        guard old != new else { return }
        guard depth < Self.maxTreeDepth else {
            let path = String(decoding: prefix.prefix(60), as: UTF8.self) + (prefix.count > 60 ? "…" : "")
            problems.append("tree \(new.description.prefix(12)) at \(path): nested deeper than \(Self.maxTreeDepth) levels, not followed")
            return
        }
        guard let newEntries = trees.entries(new, problems: &problems) else { return }
        var oldByName: [[UInt8]: GitTreeEntry] = [:]
        if let old, let entries = trees.entries(old, problems: &problems) {
            for e in entries { oldByName[e.name] = e }
        }
        for e in newEntries {
            let o = oldByName[e.name]
            if let o, o.id == e.id, o.mode == e.mode { continue }
            let path = prefix + e.name
            if e.isTree {
                diff(o?.isTree == true ? o?.id : nil, e.id, prefix: path + [0x2F], depth: depth + 1, trees: &trees, problems: &problems, emit: emit)
            } else if e.isBlob {
                emit(e.id, path)
            }
        }
    }
}

/// Parsed trees, a bounded number kept: a commit's tree is usually read again as the next
/// commit's parent tree.
struct TreeCache {
    let store: GitObjectStore
    private var entries: [GitObjectID: [GitTreeEntry]] = [:]
    private var order: [GitObjectID] = []
    static let capacity = 4096

    init(store: GitObjectStore) { self.store = store }

    mutating func entries(_ id: GitObjectID, problems: inout [String]) -> [GitTreeEntry]? {
        if let hit = entries[id] { return hit }
        do {
            let object = try store.read(id, limit: GitObjectStore.baseLimit)
            guard object.type == .tree, let parsed = GitTreeEntry.parse(object.data) else {
                problems.append("tree \(id.description.prefix(12)): not a valid tree")
                return nil
            }
            entries[id] = parsed
            order.append(id)
            if order.count > Self.capacity {
                let drop = order.prefix(Self.capacity / 2)
                for d in drop { entries[d] = nil }
                order.removeFirst(Self.capacity / 2)
            }
            return parsed
        } catch {
            problems.append("tree \(id.description.prefix(12)): \(error.reason)")
            return nil
        }
    }
}

/// A binary max-heap on (committer time, −arrival), git's date-ordered commit queue.
struct CommitQueue {
    private var items: [(time: Int, seq: Int, id: GitObjectID)] = []
    private var counter = 0

    private static func before(_ a: (time: Int, seq: Int, id: GitObjectID), _ b: (time: Int, seq: Int, id: GitObjectID)) -> Bool {
        a.time != b.time ? a.time > b.time : a.seq < b.seq
    }

    mutating func push(_ id: GitObjectID, time: Int) {
        items.append((time, counter, id))
        counter += 1
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> GitObjectID? {
        guard !items.isEmpty else { return nil }
        let top = items[0].id
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < items.count, Self.before(items[l], items[best]) { best = l }
                if r < items.count, Self.before(items[r], items[best]) { best = r }
                if best == i { break }
                items.swapAt(i, best)
                i = best
            }
        }
        return top
    }
}
