#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataCore

/// Lists one directory and decides about each entry: a file to scan, a directory to walk next,
/// something to skip, or a diagnostic. Pure with respect to shared state, so directories can be
/// listed on several threads.
struct DirectoryLister: Sendable {
    let options: WalkOptions
    let realRoot: [UInt8]

    func list(_ job: DirectoryJob) -> DirectoryOutcome {
        var out = DirectoryOutcome()
        var ignores = job.ignores
        if options.respectGitignore { ignores = loadGitignores(abs: job.abs, rel: job.rel, into: ignores) }
        guard let entries = readEntries(abs: job.abs, rel: job.rel, into: &out) else { return out }
        for (name, st) in entries {
            let childAbs = POSIXPath.join(job.abs, name)
            let childRel = job.rel.isEmpty ? name : job.rel + [UInt8(ascii: "/")] + name
            if visit(name: name, st: st, abs: childAbs, rel: childRel, ignores: ignores, into: &out) {
                out.subdirectories.append(DirectoryJob(abs: childAbs, rel: childRel, ignores: ignores))
            }
        }
        return out
    }

    /// Handles one entry; true when it is a directory to walk.
    func visit(name: [UInt8], st: FileStat?, abs: [UInt8], rel: [UInt8], ignores: GitignoreStack, into out: inout DirectoryOutcome) -> Bool {
        let relText = POSIXPath.display(rel)
        guard let st else {
            diagnose(.fileUnreadable, relText, POSIXPath.errnoText(), into: &out)
            return false
        }
        if POSIXPath.isDirectory(st) {
            if options.alwaysSkippedNames.contains(POSIXPath.display(name)) { return false }
            if options.skipDirs.contains(where: { $0.matches(relText) }) { return false }
            return !ignores.isIgnored(path: relText, isDirectory: true)
        }
        if options.skipFiles.contains(where: { $0.matches(relText) }) { return false }
        if ignores.isIgnored(path: relText, isDirectory: false) { return false }
        if POSIXPath.isSymlink(st) {
            followLink(abs: abs, rel: rel, into: &out)
        } else if POSIXPath.isRegular(st) {
            addFile(relative: rel, open: abs, st: st, into: &out)
        }
        // Devices, FIFOs and sockets are not files to scan: opening a FIFO would block.
        return false
    }

    func followLink(abs: [UInt8], rel: [UInt8], into out: inout DirectoryOutcome) {
        let relText = POSIXPath.display(rel)
        guard let target = resolve(abs) else {
            let code = errno
            if code == ELOOP {
                diagnose(.symlinkLoop, relText, "symlink loop", level: .warning, into: &out)
            } else {
                diagnose(.fileUnreadable, relText, "dangling symlink: \(POSIXPath.errnoText(code))", level: .warning, into: &out)
            }
            return
        }
        guard POSIXPath.isInside(target, root: realRoot) else {
            diagnose(.symlinkEscape, relText, "symlink points outside the scanned root (\(POSIXPath.display(target))); not followed", level: .warning, into: &out)
            return
        }
        guard let st = POSIXPath.stat(target), POSIXPath.isRegular(st) else { return }
        addFile(relative: rel, open: target, st: st, into: &out)
    }

    /// The link's target on this host, or within the root for root filesystems.
    /// Chains (`awk` → `/etc/alternatives/awk` → `/usr/bin/mawk`) are followed hop by hop, at
    /// most 40 as the kernel allows, each absolute hop re-rooted.
    func resolve(_ abs: [UInt8]) -> [UInt8]? {
        guard options.absoluteLinksWithinRoot else { return POSIXPath.realpath(abs) }
        var current = abs
        for _ in 0..<40 {
            guard let st = POSIXPath.lstat(current), POSIXPath.isSymlink(st) else { return POSIXPath.realpath(current) }
            guard let link = POSIXPath.readlink(current) else { return nil }
            if link.first == UInt8(ascii: "/") {
                current = realRoot + link
            } else {
                let dir = current.lastIndex(of: UInt8(ascii: "/")).map { Array(current[..<$0]) } ?? []
                current = POSIXPath.join(dir, link)
            }
        }
        errno = ELOOP
        return nil
    }

    func addFile(relative rel: [UInt8], open: [UInt8], st: FileStat, into out: inout DirectoryOutcome) {
        let relText: String
        if let valid = String(validating: rel, as: UTF8.self) {
            relText = valid
        } else {
            relText = POSIXPath.display(rel)
            diagnose(.invalidUTF8Name, relText, "file name is not valid UTF-8; shown with replacement characters", level: .warning, into: &out)
        }
        let size = Int64(st.st_size)
        if size > options.maxFileSize {
            diagnose(.fileTooLarge, relText, "\(size) bytes is over the \(options.maxFileSize)-byte limit; not scanned", level: .warning, into: &out)
            return
        }
        out.files.append(WalkedFile(path: relText, openPath: open, size: size))
    }

    /// The directory's entries, sorted by name, each with its `lstat` taken relative to the open
    /// directory (`fstatat`), which avoids resolving the full path again per entry.
    func readEntries(abs: [UInt8], rel: [UInt8], into out: inout DirectoryOutcome) -> [([UInt8], FileStat?)]? {
        guard let dir = POSIXPath.withCString(abs, { opendir($0) }) else {
            diagnose(.fileUnreadable, rel.isEmpty ? "." : POSIXPath.display(rel), "cannot read directory: \(POSIXPath.errnoText())", into: &out)
            return nil
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var entries: [([UInt8], FileStat?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.bindMemory(to: UInt8.self).prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            var st = FileStat()
            let rc = POSIXPath.withCString(name) { fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) }
            entries.append((name, rc == 0 ? st : nil))
        }
        entries.sort { $0.0.lexicographicallyPrecedes($1.0) }
        return entries
    }

    func loadGitignores(abs: [UInt8], rel: [UInt8], into stack: GitignoreStack) -> GitignoreStack {
        var stack = stack
        let base = POSIXPath.display(rel)
        if rel.isEmpty, let text = FileReader.readSmallText(POSIXPath.join(abs, Array(".git/info/exclude".utf8))) {
            stack = stack.pushing(Gitignore(text: text, base: ""))
        }
        if let text = FileReader.readSmallText(POSIXPath.join(abs, Array(".gitignore".utf8))) {
            stack = stack.pushing(Gitignore(text: text, base: base))
        }
        return stack
    }

    func diagnose(_ code: StrataError.Code, _ path: String, _ reason: String, level: StrataCore.Diagnostic.Level = .error, into out: inout DirectoryOutcome) {
        out.diagnostics.append(StrataCore.Diagnostic(level: level, code: code, location: SourceLocation(path: path), reason: reason))
    }
}
