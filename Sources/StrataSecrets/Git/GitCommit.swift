/// The parts of commit, tag and tree objects the history walk needs.
struct GitCommit {
    var tree: GitObjectID?
    var parents: [GitObjectID] = []
    /// Committer time (seconds), which orders the walk as `git log` does.
    var commitTime: Int = 0
    /// `%aI`: the author date in strict ISO 8601 with the author's offset.
    var authorDate = ""

    init(_ data: [UInt8]) {
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.isEmpty { break }  // the message starts
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("tree ") {
                tree = GitObjectID(hex: text.dropFirst(5))
            } else if text.hasPrefix("parent "), let p = GitObjectID(hex: text.dropFirst(7)) {
                parents.append(p)
            } else if text.hasPrefix("author "), let (t, tz) = Self.time(text) {
                authorDate = GitDate.iso8601(seconds: t, offset: tz)
            } else if text.hasPrefix("committer "), let (t, _) = Self.time(text) {
                commitTime = t
            }
        }
    }

    /// `… <email> 1714557600 +0200` → (seconds, offset text).
    static func time(_ line: String) -> (Int, String)? {
        guard let close = line.lastIndex(of: ">") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        guard fields.count == 2, let t = Int(fields[0]) else { return nil }
        return (t, String(fields[1]))
    }

    /// The object a tag points at.
    static func tagTarget(_ data: [UInt8]) -> GitObjectID? {
        guard let line = data.split(separator: 0x0A).first else { return nil }
        let text = String(decoding: line, as: UTF8.self)
        return text.hasPrefix("object ") ? GitObjectID(hex: text.dropFirst(7)) : nil
    }
}

/// One entry of a tree object: `<octal mode> <name>\0<20-byte id>`.
struct GitTreeEntry {
    let mode: Int
    let name: [UInt8]
    let id: GitObjectID

    var isTree: Bool { mode == 0o40000 }
    /// Gitlinks (submodule commits) are not blobs of this repository.
    var isBlob: Bool { mode & 0o170000 == 0o100000 || mode == 0o120000 }

    static func parse(_ data: [UInt8]) -> [GitTreeEntry]? {
        var out: [GitTreeEntry] = []
        var i = 0
        while i < data.count {
            var mode = 0
            while i < data.count, data[i] != 0x20 {
                guard data[i] >= 0x30, data[i] <= 0x37, mode < 1 << 24 else { return nil }
                mode = mode * 8 + Int(data[i] - 0x30)
                i += 1
            }
            i += 1
            guard let nul = data[min(i, data.count)...].firstIndex(of: 0), nul + 21 <= data.count,
                  let id = GitObjectID(bytes: data[(nul + 1)..<(nul + 21)]) else { return nil }
            out.append(GitTreeEntry(mode: mode, name: Array(data[i..<nul]), id: id))
            i = nul + 21
        }
        return out
    }
}

/// Dates as git's `%aI` prints them: `2024-05-01T12:00:00+02:00`, in the author's own offset.
enum GitDate {
    static func iso8601(seconds: Int, offset: String) -> String {
        let u = Array(offset.utf8)
        var minutes = 0
        if u.count == 5, u[0] == 0x2B || u[0] == 0x2D, let hh = Int(String(decoding: u[1..<3], as: UTF8.self)),
           let mm = Int(String(decoding: u[3..<5], as: UTF8.self)) {
            minutes = (hh * 60 + mm) * (u[0] == 0x2D ? -1 : 1)
        }
        let local = seconds + minutes * 60
        var days = local / 86_400, rest = local % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = minutes < 0 ? "-" : "+"
        let off = abs(minutes)
        let y = year < 0 ? "-" + String(-year) : String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(y)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))\(sign)\(two(off / 60)):\(two(off % 60))"
    }
}
