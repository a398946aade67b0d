import Foundation
import StrataRegoAST

/// One row of a query's result set: the value of each query expression and the query's variable bindings.
public struct QueryResult: Sendable, Hashable {
    public struct Expression: Sendable, Hashable {
        public var value: Value
        public var text: String
        public var location: Location
    }

    public var expressions: [Expression]
    public var bindings: [String: Value]
}

/// What an evaluation returns: result rows (empty = undefined) and the lines `print` wrote.
public struct EvalOutput: Sendable {
    public var results: [QueryResult]
    public var printed: [String]
}

/// The public entry point: compile modules once, evaluate queries against data and input.
public struct RegoEngine: Sendable {
    public struct Options: Sendable {
        public var parser: ParserOptions
        public var eval: EvalOptions
        public var builtins: BuiltinRegistry

        public init(v0Compatible: Bool = false, strictBuiltinErrors: Bool = false, builtins: BuiltinRegistry = .standard,
                    allowNet: Bool = false) {
            self.parser = ParserOptions(v0Compatible: v0Compatible)
            self.eval = EvalOptions(strictBuiltinErrors: strictBuiltinErrors, allowNet: allowNet)
            self.builtins = builtins
        }
    }

    public let policy: CompiledPolicy
    /// Changing the options (e.g. the builtins, hence arities) discards the expression orders planned so far.
    public var options: Options { didSet { plans = BodyPlanCache() } }
    private(set) var plans = BodyPlanCache()

    /// Parses and compiles modules given as file name → source.
    public init(modules: [(name: String, source: String)], options: Options = Options()) throws(RegoError) {
        let sources = modules.map { SourceFile(name: $0.name, source: $0.source) }
        let parserOptions = options.parser
        let parsed = try BigStack.run { () throws(RegoError) -> [Module] in
            var out: [Module] = []
            for m in sources { out.append(try Parser.parseModule(m.source, file: m.name, options: parserOptions)) }
            return out
        }
        try self.init(parsed: parsed, options: options)
    }

    struct SourceFile: Sendable {
        var name: String
        var source: String
    }

    init(policy: CompiledPolicy, options: Options) {
        self.policy = policy
        self.options = options
    }

    public init(parsed: [Module], options: Options = Options()) throws(RegoError) {
        let builtins = options.builtins
        // Compiler stages recurse over rules and terms: run them on the large stack too.
        self.policy = try BigStack.run { () throws(RegoError) -> CompiledPolicy in
            let policy = try Compiler.compile(parsed, builtinArity: { builtins[$0]?.arity },
                                              operandTypes: { builtins[$0] == nil ? nil : Signatures.table[$0] },
                                              resultType: { builtins[$0] == nil ? nil : Signatures.results[$0] })
            try StaticSafety { name in
                name.hasPrefix("data.") ? policy.rules(at: name.split(separator: ".").dropFirst().map(String.init)).first { $0.isFunction }?.rule.args.count
                                        : builtins[name]?.arity
            }.check(policy)
            return policy
        }
        self.options = options
    }

    /// Evaluates a query and renders the outcome like `opa eval --format json` (errors included).
    public static func evalJSON(modules: [(name: String, source: String)], query: String, data: Value = .emptyObject,
                                input: Value? = nil, options: Options = Options()) -> String {
        do {
            let engine = try RegoEngine(modules: modules, options: options)
            return ResultRenderer.json(try engine.evaluate(query: query, data: data, input: input))
        } catch {
            return ResultRenderer.json([error])
        }
    }

    /// Evaluates a query string against `data` and `input` (nil input: `input` is undefined).
    public func evaluate(query: String, data: Value = .emptyObject, input: Value? = nil) throws(RegoError) -> EvalOutput {
        let parserOptions = options.parser
        let body = try BigStack.run { () throws(RegoError) in try Parser.parseQuery(query, options: parserOptions) }
        return try evaluate(body: body, text: query, data: data, input: input)
    }

    func evaluate(query: String, data: Value = .emptyObject, input: Value? = nil, planned: Bool) throws(RegoError) -> EvalOutput {
        let parserOptions = options.parser
        let body = try BigStack.run { () throws(RegoError) in try Parser.parseQuery(query, options: parserOptions) }
        return try evaluate(body: body, text: query, data: data, input: input, planned: planned)
    }

    /// `planned: false` decides every body's order step by step (tests compare both ways).
    func evaluate(body: [Expr], text: String, data: Value, input: Value?, planned: Bool = true) throws(RegoError) -> EvalOutput {
        let run = QueryRun(policy: policy, options: options, body: body, texts: QueryPlanner.texts(body, source: text),
                           data: data, input: input, plans: planned ? plans : nil)
        return try BigStack.run { () throws(RegoError) in try run.execute() }
    }
}

extension RegoEngine {
    /// Parses JSON text into a value (numbers exact).
    public static func parseJSON(_ text: String) throws(RegoError) -> Value {
        do {
            return try JSONReader.parse(text)
        } catch {
            throw RegoError(.invalidInput, "invalid JSON: \(error.message) at offset \(error.offset)")
        }
    }

    /// Parses a ground Rego term (`{"a": {1, 2}}`) into a value.
    public static func parseValue(_ text: String) throws(RegoError) -> Value {
        let term = try BigStack.run { () throws(RegoError) in try Parser.parseTerm(text) }
        guard let v = term.constantValue else { throw RegoError(.parse, "term is not a constant value", at: term.location) }
        return v
    }
}
