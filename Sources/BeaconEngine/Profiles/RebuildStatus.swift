import Foundation

/// Progress of a workspace rebuild (`ProfileEngine.rebuild`), for the API and the CLI.
public struct RebuildStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        case running, finished, failed
    }

    public enum Phase: String, Sendable {
        /// Folding the log beside the live state.
        case folding
        /// Folding what arrived meanwhile, with live updates paused.
        case catchingUp = "catching_up"
        /// Writing the new profiles, merges and membership changes.
        case writing
        /// Refreshing predictions afterwards (when asked).
        case predictions
        case done
    }

    public var state: State
    public var phase: Phase
    public var eventsFolded: Int
    /// Events in the log when the rebuild started (more may arrive; they are folded too).
    public var eventsAtStart: Int
    public var startedAt: Date
    public var finishedAt: Date?
    public var report: RebuildReport?
    public var error: String?

    /// Share of the events at start folded so far, 0…1.
    public var progress: Double {
        state == .finished ? 1 : eventsAtStart == 0 ? 0 : min(1, Double(eventsFolded) / Double(eventsAtStart))
    }

    mutating func finish(report: RebuildReport, at: Date) {
        state = .finished
        phase = .done
        self.report = report
        finishedAt = at
    }

    mutating func fail(_ message: String, at: Date) {
        state = .failed
        error = message
        finishedAt = at
    }
}

/// A rebuild that cannot start.
public enum RebuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One is under way for the workspace.
    case alreadyRunning

    public var description: String { "a rebuild of this workspace is already running" }
}

extension ProfileEngine {
    /// The running or last rebuild of a workspace in this process, nil when none.
    public func rebuildStatus(workspaceId: String) -> RebuildStatus? {
        rebuilds[workspaceId]
    }

    /// Starts a rebuild in the background and returns its first status; afterwards, with
    /// `refreshPredictions`, the prediction refresh runs too.
    /// - Throws: `RebuildError.alreadyRunning`.
    public func startRebuild(workspaceId: String, refreshPredictions: Bool = false) async throws -> RebuildStatus {
        try beginRebuild(workspaceId, total: try await events.eventCount(in: workspaceId))
        Task {
            do {
                _ = try await self.runRebuild(workspaceId, refreshPredictions: refreshPredictions)
            } catch {
                self.logger.error("rebuild of workspace \(workspaceId) failed: \(error)")
            }
        }
        return rebuilds[workspaceId]!
    }

    func beginRebuild(_ workspaceId: String, total: Int) throws {
        guard rebuilds[workspaceId]?.state != .running else { throw RebuildError.alreadyRunning }
        rebuilds[workspaceId] = RebuildStatus(
            state: .running, phase: .folding, eventsFolded: 0, eventsAtStart: total, startedAt: clock())
    }
}
