import Testing
@testable import StrataAnalyzers

/// A fixed-seed generator (SplitMix64), so every run mutates the same way.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every fixture, mutated hundreds of ways (truncated, bytes replaced by syntax characters or
/// invalid UTF-8, slices duplicated or deleted): parsers must return, never trap, and keep every
/// package and diagnostic located in the file they were given.
@Suite struct MutationTests {
    static let interesting: [UInt8] = Array("[]{}\"'\\:,=#@()-_ \t\n/".utf8) + [0x00, 0xFF, 0xC3, 0xE2]

    static func mutate(_ input: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &rng) where !bytes.isEmpty {
            let p = Int.random(in: 0..<bytes.count, using: &rng)
            let q = min(bytes.count, p + Int.random(in: 1...64, using: &rng))
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes.removeSubrange(p...)
            case 1: bytes[p] = interesting.randomElement(using: &rng)!
            case 2: bytes.insert(contentsOf: bytes[p..<q], at: q)
            default: bytes.removeSubrange(p..<q)
            }
        }
        return bytes
    }

    @Test(arguments: AnalyzerRegistry.builtin.analyzers.map(\.id))
    func mutatedFixtures(id: String) throws {
        let analyzer = try #require(AnalyzerRegistry.builtin.analyzer(id: id))
        var rng = SeededGenerator(state: UInt64(id.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for file in Fixture.files(in: id) {
            let original = try Fixture.bytes("\(id)/\(file)")
            for round in 0..<(original.count > 65_536 ? 60 : 300) {  // fewer rounds for the 300 kB rpmdb
                let inv = analyzer.parse(bytes: Self.mutate(original, using: &rng), path: file)
                #expect(inv.packages.allSatisfy { $0.location.path == file && !$0.name.isEmpty && $0.version != "" }, "\(id) \(file) #\(round)")
                #expect(inv.diagnostics.allSatisfy { $0.location.path == file }, "\(id) \(file) #\(round)")
            }
        }
    }
}
