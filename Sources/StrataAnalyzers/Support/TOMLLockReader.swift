import StrataCore

/// The shared front half of the TOML lock parsers: decode, parse, report a syntax error.
enum TOMLLockReader {
    static func read(_ bytes: [UInt8], path: String, limits: ParseLimits, into inventory: inout Inventory) -> TOMLDocument? {
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return nil }
        let (document, error) = TOMLDocument.parse(source, limits: limits)
        if let error {
            inventory.fail(path, line: error.location?.startLine, error.reason, code: error.code)
        }
        return document
    }

    static func location(_ table: TOMLTable, path: String) -> SourceLocation {
        SourceLocation(path: path, startLine: table.line, endLine: table.endLine)
    }
}
