import _StrataTestSupport
import Testing
@testable import StrataSecrets

/// Two windows checked in one loop (`ShapeAutomaton.mayMatch(_:_:_:_:in:)`, `ShapeCheck.run`) give
/// exactly the answers of one `mayMatch` per window, for windows of equal and unequal lengths,
/// empty ones, and pairs where one run accepts early.
@Suite struct ShapeCheckTests {
    static let lines: [String] = [
        "password = get_password(user)", "DB_PASSWORD = \"#O__YBaz3Kig#DTP\"", "  token: abc",
        "api_token = 'Zx81kQ0pLmN3vB7cR2tY'", "self_password = path.token(name, 123)  # key id",
        "secret_key=\"9f8e7d6c5b4a39281706\"", "x",
    ]
    static let text: [UInt8] = Array(lines.joined(separator: "\n").utf8)

    @Test(arguments: [("generic-password", "generic-password"), ("generic-password", "generic-token"),
                      ("generic-token", "generic-secret"), ("generic-secret", "generic-api-key")])
    func pairsAgreeWithSingleRuns(_ first: String, _ second: String) throws {
        let x = try #require(Self.shape(first)), y = try #require(Self.shape(second))
        let n = Self.text.count
        var windows: [Range<Int>] = [0..<0, 0..<n, n..<n]
        var rng = SplitMix(seed: 17)
        for _ in 0..<300 {
            let lo = Int(rng.next() % UInt64(n))
            let length = Int(rng.next() % UInt64(n - lo + 1))
            windows.append(lo..<(lo + length))
        }
        var accepted = 0, rejected = 0
        Self.text.withUnsafeBufferPointer { p in
            for (i, wx) in windows.enumerated() {
                let wy = windows[(i * 7 + 3) % windows.count]
                let pair = ShapeAutomaton.mayMatch(x, wx, y, wy, in: p)
                let single = (x.mayMatch(in: p, wx), y.mayMatch(in: p, wy))
                #expect(pair == single, "\(wx) \(wy)")
                if single.0 { accepted += 1 } else { rejected += 1 }
            }
        }
        #expect(accepted > 10)
        #expect(rejected > 10)
    }

    /// `ShapeCheck.run` keeps each rule's windows in order and keeps exactly those `mayMatch` accepts.
    @Test func runKeepsOrderAndAnswers() throws {
        let rules = ["generic-password", "generic-token", "generic-secret"]
        let shapes = try rules.map { try #require(Self.shape($0)) }
        var checks: [ShapeCheck] = []
        var want: [Int: [Range<Int>]] = [:]
        var rng = SplitMix(seed: 23)
        let n = Self.text.count
        Self.text.withUnsafeBufferPointer { p in
            for r in 0..<rules.count {
                for _ in 0..<(20 + r) {
                    let lo = Int(rng.next() % UInt64(n))
                    let length = Int(rng.next() % 90)
                    let w = lo..<min(n, lo + length)
                    // Half the checks start inside the window, as keyword-led rules' do.
                    let from = rng.next() % 2 == 0 || w.isEmpty ? w.lowerBound : w.lowerBound + Int(rng.next() % UInt64(w.count))
                    checks.append(ShapeCheck(rule: r, window: w, from: from, shape: r))
                    if shapes[r].mayMatch(in: p, from..<w.upperBound) { want[r, default: []].append(w) }
                }
            }
            var got: [Int: [Range<Int>]] = [:]
            ShapeCheck.run(checks, shapes: shapes, p, into: &got)
            #expect(got == want)
        }
    }

    static func shape(_ id: String) -> ShapeAutomaton? {
        TestData.ruleSet.rules.first { $0.spec.id == id }?.shape
    }
}
