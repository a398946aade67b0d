import StrataRegoAST

extension JWT {
    /// The JOSE header fields OPA interprets (`parseTokenHeader`); others are kept by name for `crit`.
    struct TokenHeader {
        var alg = "", kid = "", typ = "", cty = ""
        var crit: Set<String> = []
        var unknown: [String] = []

        static let stringFields: [String: @Sendable (inout TokenHeader, String) -> Void] = [
            "alg": { $0.alg = $1 }, "kid": { $0.kid = $1 }, "typ": { $0.typ = $1 }, "cty": { $0.cty = $1 },
        ]

        init(_ object: [Value: Value]) throws(BuiltinError) {
            for (k, v) in object.sorted(by: { $0.key < $1.key }) {
                guard let name = k.stringValue else { continue }
                if let set = Self.stringFields[name] {
                    guard case .string(let s) = v else { throw BuiltinError("\(name): must be a string") }
                    set(&self, s)
                } else if name == "crit" {
                    guard case .array(let list) = v else { throw BuiltinError("crit: must be a list") }
                    crit = Set(list.compactMap(\.stringValue))
                    if crit.isEmpty { throw BuiltinError("crit: must be a nonempty list") }
                } else {
                    unknown.append(name)
                }
            }
        }

        /// RFC 7515 §4.1.1 (alg is required) and §4.1.11 (unknown critical parameters invalidate).
        var valid: Bool { !alg.isEmpty && !unknown.contains(where: crit.contains) }
    }
}
