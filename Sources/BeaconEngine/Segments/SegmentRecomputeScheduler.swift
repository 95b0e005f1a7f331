import BeaconCore
import BeaconStore
import Foundation
import Logging

/// One run of the scheduled recompute over every workspace.
public struct RecomputeRun: Sendable, Equatable {
    /// When it started, by the engine's clock (the instant time-based conditions counted from).
    public var startedAt: Date
    /// Wall time it took.
    public var durationSeconds: Double
    /// Per workspace that succeeded.
    public var workspaces: [WorkspaceRecompute]
    /// Workspaces that failed, with the error (they are retried on the next run).
    public var failures: [String: String]

    /// Segments whose members changed, over all workspaces.
    public var segmentsChanged: Int { workspaces.reduce(0) { $0 + $1.segmentsChanged } }
}

/// The last recompute of one workspace, scheduled or asked for.
public struct WorkspaceRecomputeRecord: Sendable, Equatable {
    public var startedAt: Date
    public var durationSeconds: Double
    /// True for a scheduled run, false for one asked for over the API.
    public var scheduled: Bool
    public var result: WorkspaceRecompute
}

/// The scheduled full recompute: every `interval`, for every workspace, refreshes the model
/// predictions and re-evaluates every segment at the current time, so that time-based
/// conditions ("ordered in the last 60 days") are kept true without new events, and records
/// who entered and exited. Live updates on ingest only touch the profiles an event changes;
/// this is what moves a member out when their qualifying event ages out of the window.
///
/// The last run is kept for the API and metrics. One run at a time: a run asked for while
/// another is under way waits for it.
public actor SegmentRecomputeScheduler {
    let engine: ProfileEngine
    /// The workspaces a run covers (every workspace of the store, unless narrowed).
    let listWorkspaces: @Sendable () async throws -> [Workspace]
    let logger: Logger
    /// k for the persona clusters of the prediction refresh, or nil to choose it by silhouette.
    public var clusterCount: Int?
    /// The configured interval, for display (nil: not scheduled in this process).
    public private(set) var interval: Duration?
    public private(set) var lastRun: RecomputeRun?
    public private(set) var runCount = 0
    /// The last result per workspace id.
    public private(set) var lastByWorkspace: [String: WorkspaceRecomputeRecord] = [:]
    private var running: Task<RecomputeRun, Never>?

    /// A scheduler over every workspace of `workspaces`.
    public init(engine: ProfileEngine, workspaces: any WorkspaceStore, logger: Logger = Logger(label: "beacon.recompute")) {
        self.init(engine: engine, listWorkspaces: { try await workspaces.listWorkspaces() }, logger: logger)
    }

    /// A scheduler over the workspaces `listWorkspaces` names at each run. Only one engine
    /// may fold a workspace at a time: give a second engine on a shared store (a test's, a
    /// tool's) only the workspaces it owns.
    public init(
        engine: ProfileEngine, listWorkspaces: @escaping @Sendable () async throws -> [Workspace],
        logger: Logger = Logger(label: "beacon.recompute")
    ) {
        self.engine = engine
        self.listWorkspaces = listWorkspaces
        self.logger = logger
    }

    public func setClusterCount(_ k: Int?) { clusterCount = k }

    /// Runs the recompute over every workspace now (or waits for the run under way).
    @discardableResult
    public func runOnce() async -> RecomputeRun {
        if let running { return await running.value }
        let task = Task { await self.perform() }
        running = task
        let run = await task.value
        running = nil
        lastRun = run
        runCount += 1
        return run
    }

    private func perform() async -> RecomputeRun {
        let started = ContinuousClock.now
        var run = RecomputeRun(startedAt: engine.clock(), durationSeconds: 0, workspaces: [], failures: [:])
        do {
            for w in try await listWorkspaces() {
                do {
                    run.workspaces.append(try await recompute(w.id, scheduled: true).result)
                } catch {
                    run.failures[w.id] = "\(error)"
                    logger.error("scheduled recompute failed for workspace \(w.name): \(error)")
                }
            }
        } catch {
            run.failures["*"] = "\(error)"
            logger.error("scheduled recompute could not list workspaces: \(error)")
        }
        run.durationSeconds = Self.seconds(ContinuousClock.now - started)
        logger.info(
            "scheduled recompute: \(run.workspaces.count) workspaces, \(run.segmentsChanged) segments changed",
            metadata: ["seconds": "\(run.durationSeconds)"])
        return run
    }

    /// Recomputes one workspace now (outside the schedule) and keeps its result.
    public func runWorkspace(_ workspaceId: String) async throws -> WorkspaceRecomputeRecord {
        try await recompute(workspaceId, scheduled: false)
    }

    private func recompute(_ workspaceId: String, scheduled: Bool) async throws -> WorkspaceRecomputeRecord {
        let started = ContinuousClock.now
        let at = engine.clock()
        let result = try await engine.scheduledRecompute(workspaceId: workspaceId, clusterCount: clusterCount)
        let record = WorkspaceRecomputeRecord(
            startedAt: at, durationSeconds: Self.seconds(ContinuousClock.now - started),
            scheduled: scheduled, result: result)
        lastByWorkspace[workspaceId] = record
        return record
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Runs at once, then every `interval` until the task is cancelled, handing each run to
    /// `onRun` (metrics). `sleep` is injectable so tests can drive the schedule.
    public func run(
        every interval: Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        onRun: @escaping @Sendable (RecomputeRun) -> Void = { _ in }
    ) async {
        self.interval = interval
        while !Task.isCancelled {
            onRun(await runOnce())
            do { try await sleep(interval) } catch { break }
        }
    }
}
