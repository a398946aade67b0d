/// A deterministic random source (SplitMix64) so that generated cases repeat run after run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...(choices.count - 1))] }

    /// `count` items from `make`, joined.
    mutating func join(_ count: Int, _ separator: String, _ make: (inout SeededGenerator) -> String) -> String {
        (0..<count).map { _ in make(&self) }.joined(separator: separator)
    }

    /// Pairs drawn from `pool`: random pairs, plus each item against a near neighbour in sorted order.
    mutating func pairs(from pool: [String], count: Int) -> [(String, String)] {
        guard pool.count > 1 else { return [] }
        var result = [(String, String)]()
        for _ in 0..<count {
            let index = int(0...(pool.count - 1))
            let other = chance(0.5) ? int(0...(pool.count - 1)) : min(pool.count - 1, max(0, index + int(-3...3)))
            result.append((pool[index], pool[other]))
        }
        return result
    }
}
