import Foundation
import StrataCore

/// SHA-256 of a feed file, recorded so `db info` can say exactly which export was imported.
enum FileDigest {
    static func sha256(path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return SHA256.hex(of: [UInt8](data))
    }
}
