/// An XML element as far as manifests need it: name (prefix dropped), the text directly inside
/// it (trimmed), child elements in order, and the line of its start tag. Attributes are not kept.
struct XMLElement: Sendable, Equatable {
    var name: String
    var text: String = ""
    var children: [XMLElement] = []
    var line: Int

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The trimmed text of a path of child names (`["parent", "version"]`), `nil` when absent or empty.
    func value(_ path: String...) -> String? {
        var node = self
        for name in path {
            guard let next = node.child(name) else { return nil }
            node = next
        }
        return node.text.isEmpty ? nil : node.text
    }
}
