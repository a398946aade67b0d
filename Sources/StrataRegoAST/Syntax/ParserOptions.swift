/// Options for parsing Rego.
public struct ParserOptions: Sendable, Hashable {
    /// Accept Rego v0 syntax (rules without `if`, `p[x] { … }` partial sets, `future.keywords`).
    public var v0Compatible: Bool
    /// The deepest nesting of terms and bodies accepted before a `rego_parse_error`.
    public var maxDepth: Int

    public init(v0Compatible: Bool = false, maxDepth: Int = 400) {
        self.v0Compatible = v0Compatible
        self.maxDepth = maxDepth
    }
}
