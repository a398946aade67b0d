import Foundation
import StrataArtifact
import StrataCore
import Testing
import _StrataTestSupport

/// gzip members written by the real `gzip`, with and without a stored name, decoded in a stream;
/// damaged ones and bombs fail with a clear error.
@Suite struct GzipTests {
    static func gzip(_ data: [UInt8], _ flags: [String]) throws -> [UInt8] {
        let dir = try TestEnvironment.temporaryDirectory("gzip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("payload.bin")
        try Data(data).write(to: file)
        let r = try ProcessRunner.run("/usr/bin/gzip", flags + ["-k", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: file.path + ".gz")))
    }

    static func inflate(_ gz: [UInt8], limit: Int64 = 1 << 30) throws(StrataError) -> [UInt8] {
        var out: [UInt8] = []
        try Gzip.stream(gz, limit: limit) { (piece: Data) throws(StrataError) in out += piece }
        return out
    }

    static let payload: [UInt8] = (0..<300_000).map { UInt8(truncatingIfNeeded: ($0 * 31) ^ ($0 >> 9)) }

    @Test(arguments: [["-n"], ["-N"], ["-1"], ["-9"]])
    func decodesWhatGzipWrites(_ flags: [String]) throws {
        let gz = try GzipTests.gzip(GzipTests.payload, flags)
        #expect(Gzip.isGzip(gz))
        #expect(try GzipTests.inflate(gz) == GzipTests.payload)
    }

    @Test func damageIsReported() throws {
        let gz = try GzipTests.gzip(GzipTests.payload, ["-n"])
        var crc = gz
        crc[crc.count - 6] ^= 0xFF
        var length = gz
        length[length.count - 2] ^= 0x01
        var body = gz
        body[body.count / 2] ^= 0x55
        let cases: [(String, [UInt8], String)] = [
            ("crc", crc, "CRC-32"), ("length", length, "length"), ("body", body, ""),
            ("truncated", Array(gz.prefix(gz.count / 3)), ""), ("method", [0x1F, 0x8B, 7] + gz.dropFirst(3), "method"),
            ("too short", [0x1F, 0x8B, 8, 0], "too short"),
        ]
        for (label, bytes, reason) in cases {
            #expect(throws: StrataError.self, "\(label)") { _ = try GzipTests.inflate(bytes) }
            do { _ = try GzipTests.inflate(bytes) } catch { #expect(reason.isEmpty || error.reason.contains(reason), "\(label): \(error.reason)") }
        }
    }

    @Test func bombsStopAtTheLimit() throws {
        // 64 MB of zeros compresses to about 64 KB; the limit stops it after 1 MB of output.
        let gz = try GzipTests.gzip([UInt8](repeating: 0, count: 64 << 20), ["-n"])
        #expect(gz.count < 200_000)
        do {
            _ = try GzipTests.inflate(gz, limit: 1 << 20)
            Issue.record("no error")
        } catch {
            #expect(error.code == .fileTooLarge)
        }
    }
}

extension GzipTests {
    /// Callers that check a stronger digest of the output may leave out the CRC-32; the length
    /// is still checked.
    @Test func theCRCCanBeLeftToAStrongerCheck() throws {
        let gz = try GzipTests.gzip(GzipTests.payload, ["-n"])
        var crc = gz
        crc[crc.count - 6] ^= 0xFF
        var out: [UInt8] = []
        try Gzip.stream(crc, limit: 1 << 30, checkCRC: false) { (piece: Data) throws(StrataError) in out += piece }
        #expect(out == GzipTests.payload)
        var length = gz
        length[length.count - 2] ^= 0x01
        #expect(throws: StrataError.self) { try Gzip.stream(length, limit: 1 << 30, checkCRC: false) { (_: Data) throws(StrataError) in } }
    }
}
