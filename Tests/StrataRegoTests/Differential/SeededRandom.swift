import _StrataTestSupport

/// The fuzzer's generator: the shared SplitMix64, with the choices the program generator makes.
typealias SeededRandom = SplitMix64

extension SplitMix64 {
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
