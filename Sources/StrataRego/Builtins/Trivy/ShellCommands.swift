import StrataRegoAST

/// `sh.parse_commands(script)`: the script's simple commands, each an array of its words as written.
enum ShellCommands {
    static let builtin = Builtin.unary("sh.parse_commands") { (a) throws(BuiltinError) in
        let script = try a.string(1)
        do throws(ShellSyntaxError) {
            return .array(try ShellParser.commands(in: script).map { .strings($0) })
        } catch {
            throw BuiltinError("sh.parse_commands: \(error.message)")
        }
    }
}
