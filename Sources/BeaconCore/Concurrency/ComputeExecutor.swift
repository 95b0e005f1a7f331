import Foundation

/// A fixed set of threads for CPU-bound work: model fits, seasonal decompositions, PDF
/// typesetting, clustering.
///
/// Swift's cooperative pool has one thread per core (two on a small server). A marketing-mix
/// fit or a decomposition that runs there for tens of seconds holds a thread that the HTTP
/// server, ingest and the delivery workers need, and requests stop being answered. Work sent
/// here runs on threads of its own, which the kernel time-slices with the pool's, so the
/// server keeps answering while a long report is being made.
///
/// `shared` has one thread fewer than there are cores (at least one): analytics queue behind
/// each other rather than crowding out requests. The executor is also a `TaskExecutor`, so
/// `withTaskExecutorPreference(ComputeExecutor.shared) { … }` moves a whole task's
/// nonisolated code onto these threads.
public final class ComputeExecutor: TaskExecutor, @unchecked Sendable {
    /// The process's executor for analytics.
    public static let shared = ComputeExecutor(
        threads: max(1, ProcessInfo.processInfo.activeProcessorCount - 1), name: "beacon-compute")

    /// The executor for CPU-bound steps of a request that take up to a second or two: password
    /// hashing (600,000 PBKDF2 rounds) and the optimiser's plan. Apart from `shared`, so a
    /// sign-in never waits behind a marketing-mix fit, and off the cooperative pool.
    public static let requests = ComputeExecutor(
        threads: max(2, ProcessInfo.processInfo.activeProcessorCount), name: "beacon-requests")

    /// How many threads run the work.
    public let threads: Int
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []
    private var head = 0

    /// Starts `threads` threads (at least one) named `name-1`, `name-2`, … They live as long as
    /// the process.
    public init(threads: Int, name: String) {
        self.threads = max(1, threads)
        for index in 1...self.threads {
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.marker] = self
                self.work()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    private static let marker = "beacon.compute-executor"

    /// Whether the calling code runs on one of these threads.
    public func isCurrent() -> Bool {
        (Thread.current.threadDictionary[Self.marker] as? ComputeExecutor) === self
    }

    /// Runs `body` on one of these threads and returns what it returned (or throws what it threw).
    /// The caller's task is suspended meanwhile, its thread free for other work.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `body`, which cannot throw, on one of these threads.
    public func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// Runs `body` on a thread started for it alone, named `name`, and returns what it returned.
    ///
    /// For long, coarse jobs that should neither hold the cooperative pool nor queue other
    /// analytics behind them, such as reading a whole import file: a 45 MB file is half a minute
    /// of CPU, and on `shared` every model fit and small upload would wait for it. The kernel
    /// time-slices the job's thread with every other.
    public static func runOnOwnThread<T: Sendable>(name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = name
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        submit { job.runSynchronously(on: executor) }
    }

    private func submit(_ item: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.append(item)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == queue.count { condition.wait() }
            let item = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024 && head * 2 >= queue.count {
                queue.removeFirst(head)  // a queue that never empties does not grow without bound
                head = 0
            }
            condition.unlock()
            item()
        }
    }
}
