import BeaconCore
import Testing

/// Runs a suite's tests on a thread of their own instead of Swift's cooperative pool.
///
/// Every test target runs in one process whose cooperative pool has one thread per core (two
/// on the CI machine). A model fit or a peer comparison that computes for a minute holds one of
/// them, two such tests hold both, and the in-process servers of other tests stop answering
/// their clients (read timeouts that say nothing about the code under test). Suites of pure
/// numerics carry this trait: their bodies run one after another on one `ComputeExecutor`
/// thread, which the kernel time-slices with the pool's.
public struct ComputeBoundTrait: SuiteTrait, TestTrait, TestScoping {
    /// The tests' own thread, apart from the product's `ComputeExecutor.shared`.
    public static let executor = ComputeExecutor(threads: 1, name: "beacon-test-compute")

    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(Self.executor) { try await function() }
    }
}

extension Trait where Self == ComputeBoundTrait {
    /// The suite computes for long stretches: run it off the cooperative pool (`ComputeBoundTrait`).
    public static var computeBound: Self { Self() }
}
