import ArgumentParser
import Foundation
import StrataCore
import StrataRegoAST

/// `strata rego fmt PATH…`: OPA's canonical formatting. Prints the formatted source, or with
/// `--list` the files that would change, `--diff` a unified diff, `--write` rewrites in place.
/// With `--list`/`--diff`/`--fail` it exits 2 when a file is not formatted (for CI), as `opa fmt --fail`.
struct RegoFmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt", abstract: "Format Rego source (like opa fmt).",
        discussion: """
            Examples:
              strata rego fmt policy.rego            print the formatted file
              strata rego fmt --write policies/      rewrite every .rego file in place
              strata rego fmt --list --fail policies/   CI: name unformatted files, exit 2 if any
            """)

    @Argument(help: "Rego files or directories.")
    var paths: [String]

    @Flag(name: [.customShort("w"), .long], help: "Rewrite files in place.")
    var write = false

    @Flag(name: [.customShort("l"), .long], help: "List files whose formatting differs.")
    var list = false

    @Flag(name: [.customShort("d"), .long], help: "Show a diff of the formatting changes.")
    var diff = false

    @Flag(help: "Exit 2 when a file is not formatted.")
    var fail = false

    @OptionGroup var compile: RegoCompileFlags

    func run() throws {
        var changed = 0
        for file in try RegoFmt.files(paths) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.input(StrataError(.fileUnreadable, "\(file): cannot read"))
            }
            let source = String(decoding: data, as: UTF8.self)
            let formatted: String
            do throws(RegoError) {
                formatted = try Formatter.format(source, file: file, options: ParserOptions(v0Compatible: compile.v0Compatible))
            } catch {
                Stderr.line(error.description)
                throw CLIError.quietFailure(code: ExitCode.usage)
            }
            if formatted != source { changed += 1 }
            try emit(file: file, source: source, formatted: formatted)
        }
        if changed > 0 && fail { throw CLIError.quietFailure(code: ExitCode.usage) }
    }

    func emit(file: String, source: String, formatted: String) throws {
        let differs = formatted != source
        if list, differs { print(file) }
        if diff, differs { print(TextDiff.unified(old: source, new: formatted, path: file), terminator: "") }
        if write, differs {
            do { try Data(formatted.utf8).write(to: URL(fileURLWithPath: file), options: .atomic) } catch {
                throw CLIError.input(StrataError(.io, "cannot write \(file): \(error.localizedDescription)"))
            }
        }
        if !list, !diff, !write { print(formatted, terminator: formatted.hasSuffix("\n") ? "" : "\n") }
    }

    static func files(_ paths: [String]) throws(CLIError) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw .input(StrataError(.fileNotFound, "\(path): no such file or directory"))
            }
            if isDir.boolValue {
                out += RegoSources.files(under: path).filter { $0.hasSuffix(".rego") }
            } else {
                out.append(path)
            }
        }
        return out
    }
}
