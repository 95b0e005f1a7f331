import BeaconCore
import BeaconStore
import Foundation

/// Scheduled email reports as the API, the CLI, the dashboard and the runner use them: every
/// request checked whole before anything is stored, runs claimed once across servers.
///
/// A schedule belongs to a dashboard user and a workspace the user may see; it is read in the
/// user's IANA time zone (`CronSchedule.next(after:in:)` states the daylight-saving rule) and
/// sent through one of the workspace's email destinations. A schedule that came due while no
/// server ran is sent once when one starts, then continues from the next future time.
public struct ReportScheduleService: Sendable {
    let stores: Stores
    let clock: @Sendable () -> Date

    public init(stores: Stores, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.stores = stores
        self.clock = clock
    }

    /// A new active schedule.
    /// - Parameters:
    ///   - schedule: `daily`, `weekly`, `monthly` or a five-field cron expression.
    ///   - time: `HH:MM` for the presets (default 08:00).
    /// - Throws: `ReportScheduleError` naming `name`, `schedule`, `time`, `timeZone`, `user` or
    ///   `destination`; nothing is stored then.
    public func create(
        workspaceId: String, userId: String, name: String, schedule: String, time: String?, timeZone: String,
        destinationId: String
    ) async throws -> ReportSchedule {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else {
            throw ReportScheduleError(field: "name", "must be 1 to 100 characters")
        }
        let cron: CronSchedule
        let zone: TimeZone
        do {
            cron = try ReportCadence.cron(schedule, time: time)
            zone = try ReportCadence.timeZone(timeZone)
        } catch let error as ReportScheduleInputError {
            throw ReportScheduleError(field: error.field, error.message)
        }
        try await checkUser(userId, workspaceId: workspaceId)
        try await checkDestination(destinationId, workspaceId: workspaceId)
        let now = clock()
        let s = ReportSchedule(
            workspaceId: workspaceId, id: "rsc_" + Self.token(), userId: userId, name: name, cron: cron.expression,
            timeZone: zone.identifier, destinationId: destinationId, active: true,
            nextRunAt: cron.next(after: now, in: zone).map(Timestamp.truncated), createdAt: Timestamp.truncated(now))
        try await stores.reportSchedules.create(s)
        return s
    }

    /// The id of the dashboard user with `email`.
    /// - Throws: `ReportScheduleError` naming `user`.
    public func userId(email: String) async throws -> String {
        guard let user = try await stores.users.user(email: email.lowercased()) else {
            throw ReportScheduleError(field: "user", "no dashboard user '\(email)'", notFound: true)
        }
        return user.id
    }

    public func schedules(workspaceId: String) async throws -> [ReportSchedule] {
        try await stores.reportSchedules.schedules(workspaceId: workspaceId)
    }

    /// - Throws: `ReportScheduleError` naming `id` (not found).
    public func schedule(workspaceId: String, id: String) async throws -> ReportSchedule {
        guard let s = try await stores.reportSchedules.schedule(workspaceId: workspaceId, id: id) else {
            throw ReportScheduleError(field: "id", "no report schedule '\(id)'", notFound: true)
        }
        return s
    }

    /// Pauses (no next run) or resumes (next run after now) a schedule.
    public func setActive(workspaceId: String, id: String, _ active: Bool) async throws -> ReportSchedule {
        var s = try await schedule(workspaceId: workspaceId, id: id)
        s.active = active
        s.nextRunAt = active ? try nextRun(of: s, after: clock()) : nil
        guard try await stores.reportSchedules.update(workspaceId: workspaceId, id: id, active: active, nextRunAt: s.nextRunAt)
        else { throw ReportScheduleError(field: "id", "no report schedule '\(id)'", notFound: true) }
        return s
    }

    /// Deletes a schedule and its delivery history.
    public func delete(workspaceId: String, id: String) async throws {
        guard try await stores.reportSchedules.delete(workspaceId: workspaceId, id: id) else {
            throw ReportScheduleError(field: "id", "no report schedule '\(id)'", notFound: true)
        }
    }

    /// Delivery history, newest first (every schedule of the workspace when `scheduleId` is nil).
    public func runs(workspaceId: String, scheduleId: String?, limit: Int = 100) async throws -> [ReportScheduleRun] {
        try await stores.reportSchedules.runs(workspaceId: workspaceId, scheduleId: scheduleId, limit: limit)
    }

    /// The first run time of `schedule` after `date`.
    public func nextRun(of schedule: ReportSchedule, after date: Date) throws -> Date? {
        let cron = try CronSchedule(parsing: schedule.cron)
        let zone = try ReportCadence.timeZone(schedule.timeZone)
        return cron.next(after: date, in: zone).map(Timestamp.truncated)
    }

    /// Claims the runs due at `now` in every workspace, each once across servers: the schedule
    /// moves on to its next time after `now` and the run is recorded as `sending` by `owner`.
    public func claimDue(owner: String, now: Date? = nil, limit: Int = 20) async throws -> [ReportScheduleClaim] {
        let now = now ?? clock()
        var claims: [ReportScheduleClaim] = []
        for s in try await stores.reportSchedules.due(now: now, limit: limit) {
            guard let scheduledAt = s.nextRunAt else { continue }
            let next = try? nextRun(of: s, after: max(now, scheduledAt))
            let run = ReportScheduleRun(
                workspaceId: s.workspaceId, scheduleId: s.id, scheduledAt: scheduledAt, trigger: .schedule, owner: owner,
                startedAt: Timestamp.truncated(clock()))
            if try await stores.reportSchedules.claim(run, next: next) {
                var moved = s
                moved.nextRunAt = next
                claims.append(ReportScheduleClaim(schedule: moved, run: run))
            }
        }
        return claims
    }

    /// A run of `id` now, outside its schedule ("send now"); the schedule's next time is unchanged.
    public func claimNow(workspaceId: String, id: String, owner: String) async throws -> ReportScheduleClaim {
        let s = try await schedule(workspaceId: workspaceId, id: id)
        let now = Timestamp.truncated(clock())
        let run = ReportScheduleRun(
            workspaceId: workspaceId, scheduleId: id, scheduledAt: now, trigger: .manual, owner: owner, startedAt: now)
        guard try await stores.reportSchedules.record(run) else {
            throw ReportScheduleError(field: "id", "a run of '\(id)' was started this very millisecond; try again")
        }
        return ReportScheduleClaim(schedule: s, run: run)
    }

    /// Settles a claimed run as sent (with the message id) or failed (with the error).
    @discardableResult
    public func finish(_ claim: ReportScheduleClaim, messageId: String?, error: String?) async throws -> ReportScheduleRun {
        var run = claim.run
        run.status = error == nil ? .sent : .failed
        run.sentAt = error == nil ? Timestamp.truncated(clock()) : nil
        run.error = error
        run.messageId = messageId
        try await stores.reportSchedules.finish(run)
        return run
    }

    /// The dashboard user a schedule goes to.
    /// - Throws: `ReportScheduleError` naming `user`.
    public func recipient(of schedule: ReportSchedule) async throws -> DashboardUser {
        guard let user = try await stores.users.user(id: schedule.userId) else {
            throw ReportScheduleError(field: "user", "the schedule's user no longer exists", notFound: true)
        }
        return user
    }

    /// The workspace a schedule reports on.
    /// - Throws: `ReportScheduleError` naming `workspace` when it was deleted.
    public func workspace(of schedule: ReportSchedule) async throws -> Workspace {
        guard let w = try await stores.workspaces.workspace(id: schedule.workspaceId) else {
            throw ReportScheduleError(field: "workspace", "the workspace no longer exists", notFound: true)
        }
        return w
    }

    /// The user must exist and see the workspace (admins see every workspace).
    private func checkUser(_ userId: String, workspaceId: String) async throws {
        guard let user = try await stores.users.user(id: userId) else {
            throw ReportScheduleError(field: "user", "no dashboard user '\(userId)'")
        }
        if user.role != .admin {
            guard try await stores.users.grantedWorkspaceIds(userId: userId).contains(workspaceId) else {
                throw ReportScheduleError(field: "user", "\(user.email) has no access to this workspace")
            }
        }
    }

    /// The destination must be one of the workspace's email destinations.
    private func checkDestination(_ id: String, workspaceId: String) async throws {
        guard let d = try await stores.activations.destination(workspaceId: workspaceId, id: id) else {
            throw ReportScheduleError(field: "destination", "no destination '\(id)' in this workspace")
        }
        guard d.kind == .email else {
            throw ReportScheduleError(
                field: "destination", "'\(d.name)' is a \(d.kind.rawValue) destination; reports are sent by an email destination")
        }
    }

    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String("abcdefghijklmnopqrstuvwxyz0123456789".randomElement(using: &generator)!) }.joined()
    }
}
