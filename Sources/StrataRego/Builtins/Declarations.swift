import StrataRegoAST

/// The standard builtin table: every family lists its builtins; this file lists the families.
extension BuiltinRegistry {
    public static let standard = BuiltinRegistry(families.flatMap { $0 })

    static let families: [[Builtin]] = [
        Comparison.builtins,
        Arithmetic.builtins,
        Aggregates.builtins,
        Collections.builtins,
        Objects.builtins,
        Strings.builtins,
        Types.builtins,
        Encoding.builtins,
        Regex.builtins,
        Glob.builtins,
        Numbers.builtins,
        CryptoBuiltins.builtins,
        Units.builtins,
        Graph.builtins,
        Time.builtins,
        Net.builtins,
        Semver.builtins,
        Runtime.builtins,
        JSONPaths.builtins,
        JWT.builtins,
        AWSSigning.builtins,
        JSONSchemaBuiltins.builtins,
        X509Builtins.builtins,
        GraphQLBuiltins.builtins,
        UUIDParse.builtins,
        Template.builtins,
        JSONMarshalOptions.builtins,
        HTTPSend.builtins,
        NetLookup.builtins,
        evaluatorBuiltins,
    ]

    /// Builtins implemented inside the evaluator (arity -1: variadic).
    static let evaluatorBuiltins: [Builtin] = [
        Builtin(special: "print", arity: -1),
        Builtin(special: "trace", arity: 1),
        Builtin(special: "walk", arity: 1),
        Builtin(special: "rego.metadata.rule", arity: 0),
        Builtin(special: "rego.metadata.chain", arity: 0),
    ]
}
