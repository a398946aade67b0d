/// A position in a Rego source file (1-based row and column).
public struct Location: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var row: Int
    public var col: Int

    public init(file: String = "", row: Int = 1, col: Int = 1) {
        self.file = file
        self.row = row
        self.col = col
    }

    public var description: String { file.isEmpty ? "\(row):\(col)" : "\(file):\(row):\(col)" }
}
