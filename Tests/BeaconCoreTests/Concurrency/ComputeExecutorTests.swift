import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

private struct Refused: Error, Equatable { var field: String }

@Suite("Compute executor")
struct ComputeExecutorTests {
    static let executor = ComputeExecutor(threads: 2, name: "compute-test")

    @Test("work runs on the executor's own threads and its value or error comes back")
    func runsOnItsThreads() async throws {
        let (here, sum) = await Self.executor.run { (Self.executor.isCurrent(), (1...1_000).reduce(0, +)) }
        #expect(here)
        #expect(sum == 500_500)
        await #expect(throws: Refused(field: "horizon")) {
            try await Self.executor.run { () throws -> Int in throw Refused(field: "horizon") }
        }
        #expect(!Self.executor.isCurrent(), "the caller resumes where it was")
    }

    @Test("a thousand pieces of work from many tasks all finish, each once")
    func manyTasks() async {
        let results = await withTaskGroup(of: Int.self) { group in
            for i in 0..<1_000 { group.addTask { await Self.executor.run { i * i } } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.sorted() == (0..<1_000).map { $0 * $0 })
    }

    @Test("as a task executor it runs a task's nonisolated code", .computeBound)
    func computeBoundTrait() async {
        #expect(ComputeBoundTrait.executor.isCurrent())
        let inner = await withTaskExecutorPreference(Self.executor) { Self.executor.isCurrent() }
        #expect(inner)
    }
}
