#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataCore

/// Walks a directory tree once for every scanner. It never follows a symlink out of the root,
/// never enters a directory through a symlink (which rules out loops), and turns every entry it
/// cannot look at into a diagnostic instead of failing.
public struct FileWalker: Sendable {
    public let options: WalkOptions

    public init(options: WalkOptions = WalkOptions()) {
        self.options = options
    }

    /// Walks `root` (a directory, or a single file). Throws only when the root itself is unusable.
    public func walk(root: String) throws(StrataError) -> WalkResult {
        let rootBytes = Array(root.utf8)
        guard let st = POSIXPath.stat(rootBytes) else {
            throw StrataError(.fileNotFound, "\(root): \(POSIXPath.errnoText())")
        }
        guard let realRoot = POSIXPath.realpath(rootBytes) else {
            throw StrataError(.fileUnreadable, "\(root): \(POSIXPath.errnoText())")
        }
        var state = WalkState(options: options, realRoot: realRoot)
        if POSIXPath.isDirectory(st) {
            state.walkTree(rootBytes)
        } else {
            let name = rootBytes.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? rootBytes
            state.addFile(relative: name, open: realRoot, st: st)
        }
        state.result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        state.result.diagnostics.sort()
        return state.result
    }
}

/// The mutable part of one walk, kept out of `FileWalker` so the walker stays a value.
struct WalkState {
    let options: WalkOptions
    let realRoot: [UInt8]
    var result = WalkResult()

    init(options: WalkOptions, realRoot: [UInt8]) {
        self.options = options
        self.realRoot = realRoot
    }

    mutating func walkTree(_ root: [UInt8]) {
        var stack: [(abs: [UInt8], rel: [UInt8], ignores: GitignoreStack)] = [(root, [], GitignoreStack())]
        while let (abs, rel, inherited) = stack.popLast() {
            var ignores = inherited
            if options.respectGitignore { ignores = loadGitignores(abs: abs, rel: rel, into: ignores) }
            guard let names = listDirectory(abs: abs, rel: rel) else { continue }
            for name in names.reversed() {
                let childAbs = POSIXPath.join(abs, name)
                let childRel = rel.isEmpty ? name : rel + [UInt8(ascii: "/")] + name
                if let dir = visit(name: name, abs: childAbs, rel: childRel, ignores: ignores) {
                    stack.append((dir, childRel, ignores))
                }
            }
        }
    }

    /// Handles one entry; returns the path to descend into when it is a directory to walk.
    mutating func visit(name: [UInt8], abs: [UInt8], rel: [UInt8], ignores: GitignoreStack) -> [UInt8]? {
        let relText = POSIXPath.display(rel)
        guard let st = POSIXPath.lstat(abs) else {
            diagnose(.fileUnreadable, relText, POSIXPath.errnoText())
            return nil
        }
        if POSIXPath.isDirectory(st) {
            if options.alwaysSkippedNames.contains(POSIXPath.display(name)) { return nil }
            if options.skipDirs.contains(where: { $0.matches(relText) }) { return nil }
            if ignores.isIgnored(path: relText, isDirectory: true) { return nil }
            return abs
        }
        if options.skipFiles.contains(where: { $0.matches(relText) }) { return nil }
        if ignores.isIgnored(path: relText, isDirectory: false) { return nil }
        if POSIXPath.isSymlink(st) {
            followLink(abs: abs, rel: rel)
        } else if POSIXPath.isRegular(st) {
            addFile(relative: rel, open: abs, st: st)
        }
        // Devices, FIFOs and sockets are not files to scan: opening a FIFO would block.
        return nil
    }

    mutating func followLink(abs: [UInt8], rel: [UInt8]) {
        let relText = POSIXPath.display(rel)
        guard let target = POSIXPath.realpath(abs) else {
            let code = errno
            if code == ELOOP {
                diagnose(.symlinkLoop, relText, "symlink loop", level: .warning)
            } else {
                diagnose(.fileUnreadable, relText, "dangling symlink: \(POSIXPath.errnoText(code))", level: .warning)
            }
            return
        }
        guard POSIXPath.isInside(target, root: realRoot) else {
            diagnose(.symlinkEscape, relText, "symlink points outside the scanned root (\(POSIXPath.display(target))); not followed", level: .warning)
            return
        }
        guard let st = POSIXPath.stat(target), POSIXPath.isRegular(st) else { return }
        addFile(relative: rel, open: target, st: st)
    }

    mutating func addFile(relative rel: [UInt8], open: [UInt8], st: FileStat) {
        let relText = POSIXPath.display(rel)
        if !POSIXPath.isValidUTF8(rel) {
            diagnose(.invalidUTF8Name, relText, "file name is not valid UTF-8; shown with replacement characters", level: .warning)
        }
        let size = Int64(st.st_size)
        if size > options.maxFileSize {
            diagnose(.fileTooLarge, relText, "\(size) bytes is over the \(options.maxFileSize)-byte limit; not scanned", level: .warning)
            return
        }
        result.files.append(WalkedFile(path: relText, openPath: open, size: size))
    }

    mutating func listDirectory(abs: [UInt8], rel: [UInt8]) -> [[UInt8]]? {
        guard let dir = POSIXPath.withCString(abs, { opendir($0) }) else {
            diagnose(.fileUnreadable, rel.isEmpty ? "." : POSIXPath.display(rel), "cannot read directory: \(POSIXPath.errnoText())")
            return nil
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Array(bytes.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return names
    }

    mutating func loadGitignores(abs: [UInt8], rel: [UInt8], into stack: GitignoreStack) -> GitignoreStack {
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

    mutating func diagnose(_ code: StrataError.Code, _ path: String, _ reason: String, level: StrataCore.Diagnostic.Level = .error) {
        result.diagnostics.append(StrataCore.Diagnostic(level: level, code: code, location: SourceLocation(path: path), reason: reason))
    }
}
