import Foundation
import Testing
import StrataRego
import StrataRegoAST

@Test func scratchDebug() throws {
    guard let path = ProcessInfo.processInfo.environment["SCRATCH_REGO"] else { return }
    let paths = path.split(separator: ",").map(String.init)
    let mods = try paths.map { (name: $0, source: try String(contentsOfFile: $0, encoding: .utf8)) }
    let q = ProcessInfo.processInfo.environment["SCRATCH_QUERY"] ?? "data"
    let input = ProcessInfo.processInfo.environment["SCRATCH_INPUT"].map { try! RegoEngine.parseJSON($0) }
    print(RegoEngine.evalJSON(modules: mods, query: q, input: input, options: .init(v0Compatible: ProcessInfo.processInfo.environment["SCRATCH_V0"] != nil)))
}

@Test func scratchFormat() throws {
    guard let path = ProcessInfo.processInfo.environment["SCRATCH_FMT"] else { return }
    print(try Formatter.format(String(contentsOfFile: path, encoding: .utf8), options: ParserOptions(v0Compatible: true)))
}
