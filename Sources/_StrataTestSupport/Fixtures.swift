import Foundation

/// Locates repository-relative paths (fixtures, `../shared`) from a test source file.
public enum RepoPaths {
    /// The package root, found from the path of the calling test file.
    public static func root(file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `../shared` beside the repository, where the reference data lives.
    public static func shared(_ relative: String = "", file: String = #filePath) -> URL {
        root(file: file).deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
    }
}
