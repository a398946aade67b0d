import Foundation
import Testing
import StrataCore

/// Results come back in input order whatever order the workers take items in.
@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func keepsInputOrder(_ concurrency: Int) {
        let items = Array(0..<500)
        let cost: (Int) -> Int64 = { Int64(($0 * 7919) % 101) }
        #expect(ParallelMap.run(items, concurrency: concurrency) { $0 * 2 } == items.map { $0 * 2 })
        #expect(ParallelMap.run(items, concurrency: concurrency, largestFirst: cost) { $0 * 2 } == items.map { $0 * 2 })
        #expect(ParallelMap.run([Int](), concurrency: concurrency, largestFirst: cost) { $0 }.isEmpty)
    }
}
