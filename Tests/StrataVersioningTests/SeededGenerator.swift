import _StrataTestSupport

/// A deterministic random source (the shared SplitMix64) so that generated cases repeat run after run.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
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
