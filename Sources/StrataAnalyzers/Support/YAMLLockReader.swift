import StrataCore
import Yams

/// The shared front half of the YAML lock parsers: decode, `YAMLGuard`, compose with Yams, and
/// require a top-level mapping. Problems become one diagnostic with the line Yams reports.
enum YAMLLockReader {
    static func read(_ bytes: [UInt8], path: String, limits: ParseLimits, into inventory: inout Inventory) -> Node.Mapping? {
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return nil }
        if let refused = YAMLGuard.check(source, maxDepth: limits.maxDepth) {
            inventory.fail(path, line: refused.location?.startLine, refused.reason, code: refused.code)
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: source.text)
        } catch {
            inventory.fail(path, line: (error as? YamlError).flatMap(line), "not valid YAML: \(error)")
            return nil
        }
        guard let mapping = root?.mapping else {
            if root != nil { inventory.fail(path, line: 1, "the document is not a mapping") }
            return nil
        }
        return mapping
    }

    private static func line(_ error: YamlError) -> Int? {
        if case .scanner(_, _, let mark, _) = error { return mark.line }
        if case .parser(_, _, let mark, _) = error { return mark.line }
        return nil
    }
}
