/// What the type checker knows of a term's values, as far as OPA's checker knows it: scalar kinds,
/// array literals as tuples, objects with constant keys. `any` is "unknown", never an error.
indirect enum StaticType: Equatable, CustomStringConvertible {
    case any
    case null, boolean, number, string
    case tuple([StaticType])
    case array(StaticType)
    case set(StaticType)
    /// Constant keys (scalars) and their value types.
    case object([Value: StaticType])
    case anyObject

    /// Can some value have both types? False is OPA's `match error`.
    static func compatible(_ a: StaticType, _ b: StaticType) -> Bool {
        switch (a, b) {
        case (.any, _), (_, .any): return true
        case (.null, .null), (.boolean, .boolean), (.number, .number), (.string, .string): return true
        case (.tuple(let x), .tuple(let y)): return x.count == y.count && zip(x, y).allSatisfy { compatible($0, $1) }
        case (.tuple(let x), .array(let e)), (.array(let e), .tuple(let x)): return x.allSatisfy { compatible($0, e) }
        case (.array(let x), .array(let y)): return compatible(x, y)
        case (.set(let x), .set(let y)): return compatible(x, y)
        case (.object(let x), .object(let y)):
            return Set(x.keys) == Set(y.keys) && x.allSatisfy { k, t in compatible(t, y[k] ?? .any) }
        case (.object, .anyObject), (.anyObject, .object), (.anyObject, .anyObject): return true
        default: return false
        }
    }

    /// One type for several (set members, tuple elements under a variable key): `any` when they differ.
    static func joined(_ types: [StaticType]) -> StaticType {
        guard let first = types.first else { return .any }
        return types.allSatisfy { $0 == first } ? first : .any
    }

    /// A builtin's declared result kind (`Signatures.results`).
    init(resultName: String) {
        switch resultName {
        case "number": self = .number
        case "string": self = .string
        case "boolean": self = .boolean
        case "null": self = .null
        case "set": self = .set(.any)
        case "array": self = .array(.any)
        case "array<string>": self = .array(.string)
        case "object": self = .anyObject
        default: self = .any
        }
    }

    var description: String {
        switch self {
        case .any: "any"
        case .null: "null"
        case .boolean: "boolean"
        case .number: "number"
        case .string: "string"
        case .tuple(let xs): "array<\(xs.map(\.description).joined(separator: ", "))>"
        case .array(let e): "array[\(e)]"
        case .set(let e): "set[\(e)]"
        case .object, .anyObject: "object"
        }
    }
}
