/// A Rego value: the JSON types plus sets, with objects whose keys may be any value.
public indirect enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(RegoNumber)
    case string(String)
    case array([Value])
    case object([Value: Value])
    case set(Set<Value>)

    public static func int(_ i: Int) -> Value { .number(RegoNumber(i)) }
    public static func double(_ d: Double) -> Value { .number(RegoNumber(d)) }
    public static let emptyObject = Value.object([:])
    public static let emptySet = Value.set([])
    public static let `true` = Value.bool(true)
    public static let `false` = Value.bool(false)

    /// OPA's type name (`type_name` builtin and error messages).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .set: return "set"
        }
    }

    /// Rank in OPA's total order: null < boolean < number < string < array < object < set.
    var rank: Int {
        switch self {
        case .null: return 0
        case .bool: return 1
        case .number: return 2
        case .string: return 3
        case .array: return 6
        case .object: return 7
        case .set: return 8
        }
    }

    /// Looks up a key for references: array index, object key, or set member.
    public subscript(key: Value) -> Value? {
        switch self {
        case .array(let items):
            guard case .number(let n) = key, let i = n.intValue, i >= 0, i < items.count else { return nil }
            return items[i]
        case .object(let dict): return dict[key]
        case .set(let members): return members.contains(key) ? key : nil
        default: return nil
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var numberValue: RegoNumber? { if case .number(let n) = self { return n } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var isCollection: Bool {
        switch self {
        case .array, .object, .set: return true
        default: return false
        }
    }
}
