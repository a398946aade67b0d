import StrataCore

/// What one file yielded: packages in file order, and diagnostics for what could not be read.
public struct Inventory: Sendable, Hashable, Codable {
    public var packages: [InventoryPackage]
    public var diagnostics: [Diagnostic]
    /// Other files this one refers to (requirements `-r`/`-c` includes), as written.
    public var includes: [String]
    /// The OS detected, for `os-release` files.
    public var operatingSystem: OperatingSystem?

    public init(
        packages: [InventoryPackage] = [], diagnostics: [Diagnostic] = [],
        includes: [String] = [], operatingSystem: OperatingSystem? = nil
    ) {
        self.packages = packages
        self.diagnostics = diagnostics
        self.includes = includes
        self.operatingSystem = operatingSystem
    }

    mutating func warn(_ path: String, line: Int?, _ reason: String, code: StrataError.Code = .parseError) {
        diagnostics.append(Diagnostic(
            level: .warning, code: code, location: SourceLocation(path: path, startLine: line), reason: reason))
    }

    mutating func fail(_ path: String, line: Int?, _ reason: String, code: StrataError.Code = .parseError) {
        diagnostics.append(Diagnostic(
            level: .error, code: code, location: SourceLocation(path: path, startLine: line), reason: reason))
    }
}
