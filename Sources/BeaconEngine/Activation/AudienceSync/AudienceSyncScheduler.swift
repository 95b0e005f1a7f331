import BeaconCore
import Foundation
import Logging

/// Runs the scheduled audience reconciliations: each `.schedule` activation's
/// `syncAudience` once it is due, every `everyHours` hours.
///
/// When each last ran is kept in memory, so a process starting reconciles every schedule once
/// (an initial full sync); since a reconciliation sends only the difference from what the
/// destination confirmed, running early costs a few reads, not vendor calls.
public actor AudienceSyncScheduler {
    let service: ActivationService
    let workspaces: @Sendable () async throws -> [String]
    let tick: TimeInterval
    let logger: Logger
    let clock: @Sendable () -> Date
    private var lastRun: [String: Date] = [:]

    public init(
        service: ActivationService, workspaces: @escaping @Sendable () async throws -> [String], tick: TimeInterval = 60,
        logger: Logger = Logger(label: "beacon.audience-sync"), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.service = service
        self.workspaces = workspaces
        self.tick = tick
        self.logger = logger
        self.clock = clock
    }

    /// Runs every due schedule once; returns the reports of those that ran, by activation id.
    @discardableResult
    public func runDue() async -> [String: AudienceSyncReport] {
        var out: [String: AudienceSyncReport] = [:]
        do {
            for ws in try await workspaces() {
                for (a, hours) in try await service.scheduledAudienceSyncs(workspaceId: ws) {
                    let now = clock()
                    if let last = lastRun[a.id], now.timeIntervalSince(last) < hours * 3600 { continue }
                    do {
                        out[a.id] = try await service.syncAudience(workspaceId: ws, activationId: a.id)
                        lastRun[a.id] = now
                    } catch {
                        logger.error("scheduled audience sync \(a.id) failed: \(error); retried next tick")
                    }
                }
            }
        } catch {
            logger.error("cannot read the scheduled audience syncs: \(error)")
        }
        return out
    }

    /// Runs due schedules every `tick` seconds until cancelled.
    public func run() async {
        while !Task.isCancelled {
            await runDue()
            try? await Task.sleep(nanoseconds: UInt64(tick * 1_000_000_000))
        }
    }
}
