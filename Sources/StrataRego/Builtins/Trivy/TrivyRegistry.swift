import StrataRegoAST

/// Trivy's custom builtins, so Trivy custom checks run unchanged. Opt in with `BuiltinRegistry.trivy`.
public enum TrivyBuiltins {
    /// The six builtins Trivy registers on top of OPA's standard set.
    public static let builtins: [Builtin] = TrivyResult.builtins + TrivyCIDR.builtins
        + [ShellCommands.builtin, Squealer.builtin]
}

extension BuiltinRegistry {
    /// The standard builtins plus Trivy's: `result.new`, `isManaged`, `sh.parse_commands`,
    /// `squealer.scan_string`, `cidr.is_public`, `cidr.count_addresses`.
    public static let trivy = BuiltinRegistry.standard.adding(TrivyBuiltins.builtins)
}
