import StrataCore

/// A TOML value as the lock-file parsers need it: strings decoded, arrays and inline tables
/// nested, numbers/booleans/dates kept as their raw text.
indirect enum TOMLValue: Hashable {
    case string(String)
    case array([TOMLValue])
    case table([String: TOMLValue])
    case other(String)

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var array: [TOMLValue]? { if case .array(let a) = self { a } else { nil } }
    var table: [String: TOMLValue]? { if case .table(let t) = self { t } else { nil } }
    var bool: Bool? { if case .other(let raw) = self { raw == "true" ? true : raw == "false" ? false : nil } else { nil } }
}

/// A `[table]` or `[[array.of.tables]]` section in file order, with its header line and the
/// line of each key. Enough TOML for Cargo.lock, poetry.lock and uv.lock; not a full reader
/// (no table merging, no type checks beyond syntax).
struct TOMLTable {
    var path: [String]
    var isArrayElement: Bool
    var line: Int
    var values: [String: TOMLValue] = [:]
    var lines: [String: Int] = [:]
    /// The last line of the last value (multi-line arrays end after their key's line).
    var endLine: Int

    subscript(key: String) -> TOMLValue? { values[key] }
}

struct TOMLDocument {
    var tables: [TOMLTable]

    /// Every `[[name]]` element, e.g. `[[package]]`.
    func arrayTables(_ name: String) -> [TOMLTable] {
        tables.filter { $0.isArrayElement && $0.path == [name] }
    }

    /// Tables whose header is `[<path>]`, each paired with the nearest preceding element of
    /// its parent array (`[package.metadata]` after `[[package]]`): index into `arrayTables`.
    func subtables(of name: String, _ child: String) -> [Int: TOMLTable] {
        var out: [Int: TOMLTable] = [:]
        var index = -1
        for table in tables {
            if table.isArrayElement && table.path == [name] { index += 1 }
            if !table.isArrayElement && table.path == [name, child] && index >= 0 { out[index] = table }
        }
        return out
    }

    /// Parses until the end or the first syntax error, which is returned with its line;
    /// the tables read before it are kept.
    static func parse(_ source: SourceText, limits: ParseLimits) -> (TOMLDocument, StrataError?) {
        var scanner = TOMLScanner(bytes: Array(source.text.utf8), maxDepth: limits.maxDepth)
        var tables = [TOMLTable(path: [], isArrayElement: false, line: 1, endLine: 1)]
        do {
            while let item = try scanner.nextItem() {
                switch item {
                case .header(let path, let isArray, let line):
                    tables.append(TOMLTable(path: path, isArrayElement: isArray, line: line, endLine: line))
                case .keyValue(let key, let value, let line, let endLine):
                    tables[tables.count - 1].values[key] = value
                    tables[tables.count - 1].lines[key] = line
                    tables[tables.count - 1].endLine = endLine
                }
            }
            return (TOMLDocument(tables: tables), nil)
        } catch {
            return (TOMLDocument(tables: tables), error)
        }
    }
}
