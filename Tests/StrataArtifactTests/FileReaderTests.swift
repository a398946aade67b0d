import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataArtifact

/// The bounded reader: exact bytes around its buffer sizes, the limit at its edge, and files whose
/// size `fstat` does not tell.
@Suite struct FileReaderTests {
    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 200_003])
    func readsExactBytesUpToTheLimit(_ size: Int) throws {
        let root = try TestEnvironment.temporaryDirectory("reader")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("f")
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: url)
        let path = Array(url.path.utf8)
        #expect(try FileReader.read(path, limit: Int64(size), displayPath: "f") == bytes)
        #expect(try FileReader.read(path, limit: Int64(size) + 100, displayPath: "f") == bytes)
        guard size > 0 else { return }
        #expect(throws: StrataError.self) { try FileReader.read(path, limit: Int64(size) - 1, displayPath: "f") }
        do {
            _ = try FileReader.read(path, limit: Int64(size) - 1, displayPath: "f")
        } catch {
            #expect(error.code == .fileTooLarge)
        }
    }

    /// A character device reports no size: the buffer grows until the limit stops it.
    @Test func unknownSizeStopsAtTheLimit() {
        do {
            _ = try FileReader.read(Array("/dev/zero".utf8), limit: 300_000, displayPath: "/dev/zero")
            Issue.record("no error")
        } catch {
            #expect(error.code == .fileTooLarge)
        }
    }
}
