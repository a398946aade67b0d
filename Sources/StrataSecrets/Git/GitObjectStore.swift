import Foundation
import StrataArtifact
import StrataCore

/// Reads objects from a repository's object store natively: loose objects (zlib), packfiles with
/// their version-2 indexes, offset and reference deltas, and the object directories listed in
/// `objects/info/alternates`. Delta bases are cached by pack offset within a byte budget, so a long
/// chain is resolved once rather than once per object. Not thread-safe: one reader per walk.
final class GitObjectStore {
    private let objectDirs: [String]
    private let packs: [GitPack]
    private var cache: [Cache.Key: GitObject] = [:]
    private var cacheOrder: [Cache.Key] = []
    private var cacheBytes = 0

    enum Cache {
        struct Key: Hashable { let pack: Int, offset: Int }
        static let budget = 64 << 20
    }

    /// Bases and trees may be larger than the blobs scanned; this bounds what one object may inflate to.
    static let baseLimit = 256 << 20
    /// Deltas on deltas: git packs at most 4,095 deep (50 by default); more, or a cycle of reference
    /// deltas, is corruption.
    static let maxChain = 10_000

    init(objectsDirectory: String) throws(StrataError) {
        var dirs = [objectsDirectory]
        var k = 0
        while k < dirs.count, dirs.count < 16 {
            let file = dirs[k] + "/info/alternates"
            if let text = try? String(contentsOfFile: file, encoding: .utf8) {
                for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
                    let path = line.hasPrefix("/") ? String(line) : dirs[k] + "/" + line
                    if !dirs.contains(path) { dirs.append(path) }
                }
            }
            k += 1
        }
        objectDirs = dirs
        var packs: [GitPack] = []
        for dir in dirs {
            let packDir = dir + "/pack"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: packDir)) ?? []
            for name in names.sorted() where name.hasSuffix(".idx") {
                let base = packDir + "/" + name.dropLast(4)
                guard FileManager.default.fileExists(atPath: base + ".pack") else { continue }
                packs.append(try GitPack(pack: base + ".pack", index: base + ".idx"))
            }
        }
        self.packs = packs
    }

    /// The object named `id`, at most `limit` bytes.
    func read(_ id: GitObjectID, limit: Int) throws(StrataError) -> GitObject {
        if let (p, offset) = locate(id) { return try packed(pack: p, offset: offset, limit: limit) }
        return try looseObject(id, limit: limit)
    }

    private func locate(_ id: GitObjectID) -> (Int, Int)? {
        for (p, pack) in packs.enumerated() {
            if let i = pack.index.find(id), let offset = pack.index.offset(at: i) { return (p, offset) }
        }
        return nil
    }

    private func looseObject(_ id: GitObjectID, limit: Int) throws(StrataError) -> GitObject {
        let hex = id.description
        for dir in objectDirs {
            let path = dir + "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            return try Self.loose([UInt8](data), limit: limit, name: hex)
        }
        throw StrataError(.fileNotFound, "object \(hex) is not in the repository")
    }

    /// `<type> <size>\0<data>`, zlib-compressed.
    static func loose(_ compressed: [UInt8], limit: Int, name: String) throws(StrataError) -> GitObject {
        let raw = try Inflate.zlib(compressed[...], limit: limit + 64)
        guard let nul = raw.prefix(64).firstIndex(of: 0) else { throw StrataError(.parseError, "object \(name): no header") }
        let header = String(decoding: raw[..<nul], as: UTF8.self).split(separator: " ")
        guard header.count == 2, let type = GitObjectType(name: header[0]), let size = Int(header[1]), size == raw.count - nul - 1 else {
            throw StrataError(.parseError, "object \(name): bad header")
        }
        guard size <= limit else { throw StrataError(.fileTooLarge, "object is over the \(limit)-byte limit") }
        return GitObject(type: type, data: Array(raw[(nul + 1)...]))
    }

    /// The entry at `offset` of pack `p`, its delta chain followed iteratively (git allows chains of
    /// thousands; recursion would put each link on the stack): the deltas are collected down to a
    /// whole object (or a cached or loose base), then applied outwards.
    private func packed(pack p: Int, offset: Int, limit: Int) throws(StrataError) -> GitObject {
        var chain: [(key: Cache.Key, delta: [UInt8])] = []  // the requested entry first
        var key = Cache.Key(pack: p, offset: offset)
        var base: GitObject
        resolve: while true {
            guard chain.count < Self.maxChain else { throw StrataError(.parseError, "delta chain is too long (corrupt pack?)") }
            if let hit = cache[key] {
                base = hit
                break
            }
            switch try packs[key.pack].entry(at: key.offset, limit: chain.isEmpty ? limit : Self.baseLimit) {
            case .whole(let type, let data):
                base = GitObject(type: type, data: data)
                // Only bases are worth keeping: an object asked for directly is usually read once.
                if !chain.isEmpty { remember(key, base) }
                break resolve
            case .offsetDelta(let at, let delta):
                chain.append((key, delta))
                key = Cache.Key(pack: key.pack, offset: at)
            case .refDelta(let id, let delta):
                chain.append((key, delta))
                guard let (q, at) = locate(id) else {
                    base = try looseObject(id, limit: Self.baseLimit)
                    break resolve
                }
                key = Cache.Key(pack: q, offset: at)
            }
        }
        if chain.isEmpty, base.data.count > limit { throw StrataError(.fileTooLarge, "object is over the \(limit)-byte limit") }
        var object = base
        for (i, link) in chain.enumerated().reversed() {
            object = GitObject(type: object.type, data: try GitDelta.apply(link.delta, to: object.data, limit: i == 0 ? limit : Self.baseLimit))
            if i > 0 { remember(link.key, object) }
        }
        return object
    }

    private func remember(_ key: Cache.Key, _ object: GitObject) {
        guard object.data.count <= Cache.budget / 4 else { return }
        cache[key] = object
        cacheOrder.append(key)
        cacheBytes += object.data.count
        while cacheBytes > Cache.budget, !cacheOrder.isEmpty {
            let old = cacheOrder.removeFirst()
            cacheBytes -= cache.removeValue(forKey: old)?.data.count ?? 0
        }
    }
}
