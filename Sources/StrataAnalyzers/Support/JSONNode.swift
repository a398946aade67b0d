import StrataCore

/// A JSON value with the line it starts on; object members keep file order and their key's line.
struct JSONNode: Hashable {
    struct Member: Hashable {
        let key: String
        let line: Int
        let value: JSONNode
    }

    indirect enum Value: Hashable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    let value: Value
    let line: Int

    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }?.value
    }

    var members: [Member] { if case .object(let m) = value { m } else { [] } }
    var elements: [JSONNode] { if case .array(let a) = value { a } else { [] } }
    var string: String? { if case .string(let s) = value { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    var number: String? { if case .number(let n) = value { n } else { nil } }
    var isObject: Bool { if case .object = value { true } else { false } }

    /// Parses one JSON document (RFC 8259). Errors carry the line in `location`.
    static func parse(_ bytes: [UInt8], maxDepth: Int) throws(StrataError) -> JSONNode {
        var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
        return try scanner.document()
    }
}

extension JSONNode {
    /// The shared front half of the JSON lock parsers: size check, parse, one diagnostic on error.
    static func read(_ bytes: [UInt8], path: String, limits: ParseLimits, into inventory: inout Inventory) -> JSONNode? {
        guard bytes.count <= limits.maxBytes else {
            inventory.fail(path, line: nil, "file is \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit", code: .fileTooLarge)
            return nil
        }
        do {
            return try parse(bytes, maxDepth: limits.maxDepth)
        } catch {
            inventory.fail(path, line: error.location?.startLine, error.reason, code: error.code)
            return nil
        }
    }
}
